package dev.ilbportal.verification;

/** Why a run happened: right after provisioning, the hourly round, a person, or the watch of Civo's side. */
public enum Trigger { AFTER_PROVISIONING, SCHEDULE, ON_DEMAND, WATCH }
