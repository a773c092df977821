package dev.ilbportal.requests.internal;

import dev.ilbportal.requests.SubmittedPlan;
import dev.ilbportal.requests.Participant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One submitted version of a request: the spec and the exact plan, identified by the plan's hash. Immutable. */
@Entity
@Table(name = "lb_request_revision")
public class RequestRevision {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private LoadBalancerRequest request;

    private int number;

    @Column(name = "spec_json", columnDefinition = "text")
    private String specJson;

    @Column(name = "plan_json", columnDefinition = "text")
    private String planJson;

    @Column(name = "plan_hash")
    private String planHash;

    @Column(name = "author_subject")
    private String authorSubject;

    @Column(name = "author_name")
    private String authorName;

    @Column(name = "created_at")
    private Instant createdAt;

    protected RequestRevision() {
    }

    RequestRevision(LoadBalancerRequest request, int number, String specJson, SubmittedPlan plan, Participant author,
                    Instant createdAt) {
        this.id = UUID.randomUUID();
        this.request = request;
        this.number = number;
        this.specJson = specJson;
        this.planJson = plan.json();
        this.planHash = plan.hash();
        this.authorSubject = author.subject();
        this.authorName = author.displayName();
        this.createdAt = createdAt;
    }

    public int number() {
        return number;
    }

    public String specJson() {
        return specJson;
    }

    public String planJson() {
        return planJson;
    }

    public String planHash() {
        return planHash;
    }

    public Participant author() {
        return new Participant(authorSubject, authorName);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
