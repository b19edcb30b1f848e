//! The audit log's words: what an admin (or the command line) changed.

crate::words! {
    /// An action the audit log records.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum AuditAction (refused_with_value "error-audit-action") {
        AccountCreated = "account_created",
        AccountUpdated = "account_updated",
        AccountsImported = "accounts_imported",
        PlanCreated = "plan_created",
        SignatoryNamed = "signatory_named",
        RetentionSet = "retention_set",
        Purged = "purged",
        SurveySettingsSet = "survey_settings_set",
        PayRatesSet = "pay_rates_set",
        HolidayAdded = "holiday_added",
        HolidayRemoved = "holiday_removed",
        SchoolZoneSet = "school_zone_set",
        ProviderSaved = "provider_saved",
        SsoOnlySet = "sso_only_set",
        SecondFactorReset = "second_factor_reset",
        MagistereSet = "magistere_set",
        QualificationValiditySet = "qualification_validity_set",
        QualificationRecorded = "qualification_recorded",
        QualificationRemoved = "qualification_removed",
        QuestionDelaySet = "question_delay_set",
        QuestionPassed = "question_passed",
    }
}

impl AuditAction {
    /// The message that names it in pages (`audit-account_created`, …).
    pub fn message(self) -> String {
        format!("audit-{}", self.as_str())
    }
}
