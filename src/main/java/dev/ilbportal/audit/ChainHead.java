package dev.ilbportal.audit;

/** The newest event of the chain: what an export carries so that it can be compared with the trail later. */
public record ChainHead(long sequence, String hash) {

    static final ChainHead EMPTY = new ChainHead(0, AuditChain.GENESIS);
}
