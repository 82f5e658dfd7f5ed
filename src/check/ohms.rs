//! OHMS XML against the bundled OHMS 6.0 XSD (Apache-2.0, unmodified), which 5.3 and
//! 5.4 files pass too. Used on OHMS input before it is read and on every OHMS record
//! colloquy writes. One compiled schema per thread (libxml2's types stay on theirs).

use super::Finding;

thread_local! {
    static OHMS_XSD: Result<super::xsd::XsdCheck, String> =
        super::xsd::XsdCheck::ohms().map_err(|e| e.to_string());
}

/// The findings of validating `xml` against the OHMS 6.0 XSD; `Err` when the bundled
/// schema itself does not compile (a broken build).
pub fn check(xml: &str) -> Result<Vec<Finding>, String> {
    OHMS_XSD.with(|x| match x {
        Ok(check) => Ok(check.check(xml)),
        Err(e) => Err(e.clone()),
    })
}
