package dev.ilbportal.verification;

/** Which side of the private network a probe starts from. */
public enum Side { INSIDE, OUTSIDE }
