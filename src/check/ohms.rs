//! OHMS XML against the bundled OHMS 6.0 XSD (Apache-2.0, unmodified), which 5.3 and
//! 5.4 files pass too. Used on OHMS input before it is read and on every OHMS record
//! colloquy writes. One compiled schema per thread (libxml2's types stay on theirs).

use super::Finding;

thread_local! {
    static OHMS_XSD: Result<super::xsd::XsdCheck, String> =
        super::xsd::XsdCheck::ohms().map_err(|e| e.to_string());
}

/// `validate` on any OHMS file: 5.3 and later against the 6.0 XSD; older versions get
/// an `ohms/no-schema` note instead (their only schemas are AGPL-licensed and not
/// bundled; `convert` checks them structurally when it reads them).
pub fn check_any(xml: &str) -> Vec<Finding> {
    // Refused in every version, schema or not, as in every other XML colloquy checks.
    if let Some(f) = super::xsd::doctype(xml) {
        return vec![f];
    }
    let version = xml
        .find("<version>")
        .and_then(|i| {
            let rest = &xml[i + "<version>".len()..];
            rest[..rest.find('<')?].trim().parse::<f64>().ok()
        })
        .unwrap_or(0.0);
    if version < 5.3 {
        return vec![Finding {
            severity: crate::model::Severity::Info,
            rule: "ohms/no-schema".into(),
            message: format!(
                "OHMS version {version:.1}: no schema of this version is bundled (only 5.4 and 6.0, Apache-2.0), so it was not validated"
            ),
            location: Default::default(),
            hint: Some("convert reads it with a structural check".into()),
        }];
    }
    check(xml).unwrap_or_else(|e| {
        vec![Finding {
            severity: crate::model::Severity::Error,
            rule: "ohms/schema".into(),
            message: e,
            location: Default::default(),
            hint: None,
        }]
    })
}

/// The findings of validating `xml` against the OHMS 6.0 XSD; `Err` when the bundled
/// schema itself does not compile (a broken build).
pub fn check(xml: &str) -> Result<Vec<Finding>, String> {
    OHMS_XSD.with(|x| match x {
        Ok(check) => Ok(check.check(xml)),
        Err(e) => Err(e.clone()),
    })
}
