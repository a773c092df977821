package dev.ilbportal.verification;

/** Why a run happened. */
public enum Trigger { AFTER_PROVISIONING, SCHEDULE, ON_DEMAND }
