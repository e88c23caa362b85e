//! The JSON Schema of the request body, for editors.

/// The JSON Schema (draft 2020-12) of the Create OTA Job request body, as JSON text:
/// the file `schema/create-ota-job.schema.json` of the repository, which the npm
/// package also ships as `enos-ota-job/schema.json`.
///
/// Every field carries its description, type, enum, range and default, so that an
/// editor (VS Code, JetBrains IDEs) completes and checks a job file that names it:
///
/// ```json
/// { "$schema": "https://raw.githubusercontent.com/enos-ota-job/enos-ota-job/main/schema/create-ota-job.schema.json" }
/// ```
///
/// It is an aid, not the validator: it accepts every body that
/// [`validate_json`](crate::validate_json) calls valid, warnings included (unknown
/// fields, numeric strings such as `"upgradeTimeout": "600"`, ignored fields), and
/// leaves to the validator what a schema cannot say (repeated keys, `end_before_start`,
/// `not_same_day`, the firmware checks). A root `$schema` string gets no
/// `unknown_field` warning, `normalize` keeps it and `build_request` leaves it out of
/// the body it sends. The rules reference is
/// <https://github.com/enos-ota-job/enos-ota-job/blob/main/docs/rules.md>.
///
/// ```
/// let schema: serde_json::Value = serde_json::from_str(enos_ota_job::JSON_SCHEMA).unwrap();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["properties"]["upgradeTimeout"]["default"], 7200);
/// ```
pub const JSON_SCHEMA: &str = include_str!("../schema/create-ota-job.schema.json");

#[cfg(test)]
mod tests {
    use super::JSON_SCHEMA;

    #[test]
    fn is_draft_2020_12_json_with_its_own_id() {
        let schema: serde_json::Value = serde_json::from_str(JSON_SCHEMA).expect("JSON");
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert_eq!(
            schema["$id"],
            "https://raw.githubusercontent.com/enos-ota-job/enos-ota-job/main/schema/create-ota-job.schema.json"
        );
        assert_eq!(schema["properties"]["$schema"]["type"], "string");
        assert_eq!(schema["properties"]["$schema"]["default"], schema["$id"]);
    }
}
