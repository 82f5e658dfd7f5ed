#!/bin/sh
# Builds the seed inputs the targets start from (seeds/, not committed): for the text
# targets, the bundled samples, the reader fixtures and (when ../../shared is present)
# the real corpus, with the name-picking first byte
# (0 txt, 1 md, 2 html, 3 vtt, 4 srt, 5 xml); for validate, colloquy's own outputs of the
# samples, and the IPTC NewsML-G2 examples when ../../shared is present.
set -eu
cd "$(dirname "$0")"
rm -rf seeds && mkdir -p seeds/text seeds/json seeds/xml
n=0
for f in ../samples/* $(find ../tests/fixtures/read -type f -size -60k); do
    case "$f" in
        *.txt|*.text) b='\000' ;; *.md|*.markdown) b='\001' ;; *.html|*.htm) b='\002' ;;
        *.vtt) b='\003' ;; *.srt) b='\004' ;; *.xml) b='\005' ;; *) continue ;;
    esac
    { printf "$b"; cat "$f"; } > seeds/text/$n
    n=$((n + 1))
done
# Real interviews (the evaluation corpus) as text seeds, when ../../shared is present:
# the shapes the reader meets in the wild, not only the ones its tests spell out.
if [ -d ../../shared/corpus ]; then
    for f in $(find ../../shared/corpus ../../shared/seeds -name '*.txt' -size -60k | sort); do
        { printf '\000'; cat "$f"; } > seeds/text/$n
        n=$((n + 1))
    done
fi
out=$(mktemp -d)
cargo run -q --manifest-path ../Cargo.toml -- convert ../samples -o "$out" --to jsonld,newsml,html,dc >/dev/null 2>&1 || true
cp "$out"/*.jsonld "$out"/*.html seeds/json/
cp "$out"/*.xml seeds/xml/
rm -rf "$out"
if [ -d ../../shared/newsml-g2/examples ]; then
    find ../../shared/newsml-g2/examples -name '*.xml' -size -40k | head -30 | xargs -I{} cp {} seeds/xml/
fi
echo "seeds: $(ls seeds/text | wc -l) text, $(ls seeds/json | wc -l) json, $(ls seeds/xml | wc -l) xml"
