package dev.ilbportal.verification;

/**
 * Why a run happened: right after provisioning, the hourly round, a person, the watch of Civo's side, or right after
 * a firewall restore.
 */
public enum Trigger { AFTER_PROVISIONING, SCHEDULE, ON_DEMAND, WATCH, AFTER_RESTORE }
