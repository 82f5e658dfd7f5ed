//! Blind round 9: the reference input's own family in its other language editions. A
//! foreign-affairs newspaper publishes the same scraped page shape in many editions: photo
//! rows `![]() |`, captions naming the interviewee by title and ending with the credit
//! (`(Photo: NVCC) |`, `（图片：NVCC）|`, `(사진: NVCC) |`, `（写真：NVCC）|`, `(Ảnh: NVCC) |`),
//! unlabelled questions (some addressing the interviewee by title only), answers over
//! several paragraphs, a closing thanks by title, the source line in the edition's
//! language, then related links and share/comment chrome. We wrote nine interviews in that
//! shape (English, Chinese, Russian, French, Spanish, Korean, Japanese, Vietnamese, and
//! Indonesian with a minister), with a photo row carrying alt text and a URL and a caption
//! over two lines. The expectations were written from the texts before colloquy read them,
//! by the reference input's conventions: the interviewee is named from the captions, no
//! interviewer name unless printed, no headline or date unless printed (a caption's day
//! without a year is no publication date). Two more (Khmer with an ambassador, Chinese with
//! a professor and a verb run on after the title) were written after the rule work to see
//! how the rules carry.

use crate::blind::{self, Case, KnownMiss};

const CASES: &[Case] = &[
    Case {
        file: "blind9_photo_en.txt",
        // The first photo row carries alt text and a URL; the second caption runs over two lines.
        pairs: 3,
        first_q: "How would you describe the state of trade between the two countries today?",
        last_a: "We are preparing a students' exchange",
        lang: "en",
        interviewees: Some(&["Tran Minh Duc"]),
        interviewer: Some(&[]),
        headline: None,
        date: None,
        images: 2,
        credits: &["NVCC"],
        not_in_turns: &[
            "Thank you very much, Ambassador",
            "Source:",
            "Related news",
            "Ambassador meets",
            "Comments (0)",
        ],
    },
    Case {
        file: "blind9_tupian_zh.txt",
        // '黎文山大使' is the name before the title; '大使，…' asks by title only.
        pairs: 3,
        first_q: "您如何评价今年两国在文化领域的合作？",
        last_a: "我们计划明年",
        lang: "zh",
        interviewees: Some(&["黎文山"]),
        interviewer: Some(&[]),
        headline: None,
        date: None,
        images: 2,
        credits: &["NVCC"],
        not_in_turns: &["谢谢大使", "来源", "相关新闻", "分享", "评论"],
    },
    Case {
        file: "blind9_foto_ru.txt",
        pairs: 3,
        first_q: "Как вы оцениваете нынешний уровень сотрудничества в сфере образования?",
        last_a: "Не бояться трудностей",
        lang: "ru",
        interviewees: Some(&["Нгуен Ван Тхань"]),
        interviewer: Some(&[]),
        headline: None,
        date: None,
        images: 2,
        credits: &["NVCC"],
        not_in_turns: &[
            "Большое спасибо",
            "Источник",
            "Читайте также",
            "Поделиться",
            "Комментарии",
        ],
    },
    Case {
        file: "blind9_photo_fr.txt",
        // French puts a space before '?' and ':' ('(Photo : NVCC)').
        pairs: 3,
        first_q: "Quel bilan tirez-vous de cette première journée de la gastronomie ?",
        last_a: "Nous voulons organiser",
        lang: "fr",
        interviewees: Some(&["Pham Thi Lan"]),
        interviewer: Some(&[]),
        headline: None,
        date: None,
        images: 2,
        credits: &["NVCC"],
        not_in_turns: &[
            "Merci beaucoup",
            "Source :",
            "Articles liés",
            "Partager",
            "Commentaires",
        ],
    },
    Case {
        file: "blind9_foto_es.txt",
        pairs: 3,
        first_q: "¿Cómo valora usted el interés de las empresas mexicanas por Vietnam?",
        last_a: "Esperamos firmar",
        lang: "es",
        interviewees: Some(&["Do Quang Huy"]),
        interviewer: Some(&[]),
        headline: None,
        date: None,
        images: 2,
        credits: &["NVCC"],
        not_in_turns: &[
            "Muchas gracias",
            "Fuente:",
            "Noticias relacionadas",
            "Compartir",
            "Comentarios",
        ],
    },
    Case {
        file: "blind9_sajin_ko.txt",
        // '부 호앙 남 대사' is the name before the title; '대사님' asks by title only.
        pairs: 3,
        first_q: "올해 한국을 찾는 베트남 관광객 수는 어떻습니까?",
        last_a: "내년에는 부산에서도",
        lang: "ko",
        interviewees: Some(&["부 호앙 남"]),
        interviewer: Some(&[]),
        headline: None,
        date: None,
        images: 2,
        credits: &["NVCC"],
        not_in_turns: &["감사합니다, 대사님", "출처", "관련 기사", "공유", "댓글"],
    },
    Case {
        file: "blind9_shashin_ja.txt",
        // The name ends the caption's first clause: '…出席したホー・ティ・マイ大使（右から二人目）'.
        pairs: 3,
        first_q: "今年のフェスティバルにはどのくらいの人が訪れましたか？",
        last_a: "教育と人材の交流",
        lang: "ja",
        interviewees: Some(&["ホー・ティ・マイ"]),
        interviewer: Some(&[]),
        headline: None,
        date: None,
        images: 2,
        credits: &["NVCC"],
        not_in_turns: &[
            "ありがとうございました",
            "出典",
            "関連記事",
            "シェア",
            "コメント",
        ],
    },
    Case {
        file: "blind9_anh_vi.txt",
        // 'Xin Đại sứ cho biết…' and 'Thưa Đại sứ, …' ask by title only.
        pairs: 3,
        first_q: "Xin Đại sứ cho biết tình hình cộng đồng người Việt tại Đức hiện nay?",
        last_a: "Chúng tôi sẽ tiếp tục",
        lang: "vi",
        interviewees: Some(&["Lê Hoàng Phúc"]),
        interviewer: Some(&[]),
        headline: None,
        date: None,
        images: 2,
        credits: &["NVCC"],
        not_in_turns: &[
            "Xin cảm ơn Đại sứ",
            "Nguồn:",
            "Tin liên quan",
            "Chia sẻ",
            "Bình luận",
        ],
    },
    Case {
        file: "blind9_menteri_id.txt",
        // The reference input's own edition, with a minister instead of an ambassador.
        pairs: 3,
        first_q: "Bagaimana Anda melihat perkembangan hubungan ekonomi kedua negara tahun ini?",
        last_a: "Vietnam dan Indonesia adalah sahabat",
        lang: "id",
        interviewees: Some(&["Dinh Quoc Bao"]),
        interviewer: Some(&[]),
        headline: None,
        date: None,
        images: 2,
        credits: &["NVCC"],
        not_in_turns: &[
            "Terima kasih banyak, Menteri",
            "Sumber:",
            "Berita terkait",
            "Bagikan",
            "Komentar",
        ],
    },
    // Written after the rule work, expectations again from the text before reading: how
    // the rules carry to an edition and a title they were not made on.
    Case {
        file: "blind9_after_km.txt",
        // Khmer writes no spaces between words, but a name's syllables are set off by spaces after the title ឯកអគ្គរដ្ឋទូត (ambassador).
        pairs: 3,
        first_q: "តើឯកឧត្តមវាយតម្លៃយ៉ាងដូចម្តេចចំពោះពាណិជ្ជកម្មរវាងប្រទេសទាំងពីរនាពេលបច្ចុប្បន្ន?",
        last_a: "យើងនឹងរៀបចំពិព័រណ៍",
        lang: "km",
        interviewees: Some(&["ផាម ហ៊ុយ ថាញ់"]),
        interviewer: Some(&[]),
        headline: None,
        date: None,
        images: 2,
        credits: &["NVCC"],
        not_in_turns: &["សូមអរគុណ", "ប្រភព", "ព័ត៌មានពាក់ព័ន្ធ", "ចែករំលែក", "មតិ (0)"],
    },
    Case {
        file: "blind9_after_jiaoshou_zh.txt",
        // A professor (教授) instead of an ambassador; the second caption puts its credit on a line of its own.
        pairs: 3,
        first_q: "教授，您是什么时候开始研究汉语的？",
        last_a: "多读原著",
        lang: "zh",
        interviewees: Some(&["阮清河"]),
        interviewer: Some(&[]),
        headline: None,
        date: None,
        images: 2,
        credits: &["NVCC"],
        not_in_turns: &["非常感谢教授", "来源", "相关新闻", "分享", "评论"],
    },
];

/// Fields a careful reader gets and colloquy does not yet, each with why it is left out of
/// the assertion rather than made right with a rule that only fits this text. They are
/// still judged and printed, so a fix shows.
const KNOWN_MISSES: &[KnownMiss] = &[(
    "blind9_after_km.txt",
    "interviewees",
    "Khmer has no letter case and no spaces between words: after the title \
     ឯកអគ្គរដ្ឋទូត the caption's spaced syllables (ផាម ហ៊ុយ ថាញ់) are the name, but where \
     they stop is a guess without a dictionary of Khmer words; the name rules read \
     names by case or by a script that marks them (katakana), so none is given",
)];

#[test]
fn blind_round_nine_every_field_a_careful_reader_gets() {
    blind::score("blind9", CASES, KNOWN_MISSES);
}
