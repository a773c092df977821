package dev.ilbportal.requests.internal;

import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.requests.RequestRuleViolation;
import dev.ilbportal.requests.RequestStatus;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.civo.CivoApiException;
import dev.ilbportal.civo.CivoLookupCache.Freshness;
import dev.ilbportal.civo.CivoProperties;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.web.NotFoundException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The wizard's side of a request: starting a draft, saving each step once its fields pass the static and the
 * Civo-backed rules, submitting with a freshly built plan, and deleting drafts. Only requesters of the request's
 * team may change it; people who may not even see it get "not found".
 *
 * <p>Civo is asked outside any database transaction (a look-up can wait seconds for the account's budget and must
 * not hold a pooled connection meanwhile); the change is then applied in a short transaction of its own.
 */
@Service
public class RequestDrafts {

    private final LoadBalancerRequests requests;
    private final CivoBackedRules civoRules;
    private final RequestsProperties properties;
    private final Clock clock;
    private final String civoPathPrefix;
    private final TransactionTemplate transactions;
    private final org.springframework.context.ApplicationEventPublisher events;

    public RequestDrafts(LoadBalancerRequests requests, CivoBackedRules civoRules, RequestsProperties properties,
                         Clock clock, CivoProperties civo, TransactionTemplate transactions,
                         org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.civoPathPrefix = civo.pathPrefix();
        this.requests = requests;
        this.civoRules = civoRules;
        this.properties = properties;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Creates a draft from step 1 when its fields are valid. */
    public StepOutcome startDraft(CurrentUser user, String team, LoadBalancerSpec spec) {
        SpecProblems problems = SpecRules.check(spec).onlyFields(WizardStep.NETWORK.fields());
        checkTeam(user, team, problems);
        StepOutcome refused = civoChecked(problems, spec, team, null, WizardStep.NETWORK);
        if (refused != null) {
            return refused;
        }
        return transactions.execute(tx -> {
            LoadBalancerRequest request = LoadBalancerRequest.draft(team, Participant.of(user),
                    SpecJson.snapshot(spec), clock.instant());
            requests.save(request);
            return StepOutcome.saved(request.id());
        });
    }

    /** The spec's own rules for one step's fields, without saving or asking Civo (for a page that cannot be saved). */
    public SpecProblems check(WizardStep step, LoadBalancerSpec spec) {
        return SpecRules.check(spec).onlyFields(step.fields());
    }

    /**
     * Saves one step of an existing draft (a rejected or submitted request reopens as a draft). Civo's answers may
     * come from the look-up cache (at most its lifetime old); submission reads them fresh.
     */
    public StepOutcome saveStep(UUID id, WizardStep step, LoadBalancerSpec spec, CurrentUser user) {
        String team = transactions.execute(tx -> changeable(id, user).team());
        SpecProblems problems = SpecRules.check(spec).onlyFields(step.fields());
        StepOutcome refused = civoChecked(problems, spec, team, id, step);
        if (refused != null) {
            return refused;
        }
        return transactions.execute(tx -> {
            LoadBalancerRequest request = changeable(id, user);
            request.edit(SpecJson.snapshot(spec), Participant.of(user), clock.instant());
            requests.save(request);
            return StepOutcome.saved(id);
        });
    }

    /** Re-checks everything, freezes the plan into a new revision and puts the request in the approvers' queue. */
    public StepOutcome submit(UUID id, String justification, CurrentUser user) {
        return submit(id, justification, null, user);
    }

    /**
     * Submits with an optional end date as typed ({@code YYYY-MM-DD}); a date that is garbage, not after today or
     * beyond {@code portal.requests.max-lifetime} is refused beside its field and nothing changes.
     */
    public StepOutcome submit(UUID id, String justification, String endsOn, CurrentUser user) {
        EndDate endDate = EndDate.parse(endsOn, java.time.LocalDate.now(clock), properties.maxLifetime());
        if (endDate.problem() != null) {
            SpecProblems problems = new SpecProblems();
            problems.add("endsOn", endDate.problem());
            return StepOutcome.refused(problems);
        }
        LoadBalancerRequest seen = transactions.execute(tx -> changeable(id, user));
        String seenSpec = seen.specJson();
        LoadBalancerSpec current = SpecJson.read(seenSpec);
        LoadBalancerSpec spec = new LoadBalancerSpec(current.region(), current.networkId(), current.name(),
                current.algorithm(), current.firewall(), current.target(), current.ports(), current.advanced(),
                justification == null ? null : justification.strip());
        SpecProblems problems = SpecRules.checkForSubmission(spec);
        StepOutcome refused = civoChecked(problems, spec, seen.team(), id, WizardStep.REVIEW);
        if (refused != null) {
            return refused;
        }
        ProvisioningPlan plan = planOf(spec);
        return transactions.execute(tx -> {
            LoadBalancerRequest request = changeable(id, user);
            if (!request.specJson().equals(seenSpec)) {
                throw new RequestChangedMeanwhile("The request was changed while it was checked against Civo; "
                        + "look at it again before submitting.");
            }
            if (request.status() != RequestStatus.DRAFT || !SpecJson.write(spec).equals(request.specJson())) {
                request.edit(SpecJson.snapshot(spec), Participant.of(user), clock.instant());
            }
            request.endOn(endDate.date(), clock.instant());
            request.submit(plan.toSubmitted(), Participant.of(user), clock.instant(), properties.expiry());
            requests.save(request);
            return StepOutcome.saved(id);
        });
    }

    /**
     * Every problem the wizard would show for this spec, on all its pages at once: the static rules, then (when
     * those pass) Civo's, with fresh quota. Nothing is saved. {@code id} is the request being edited, or null for a
     * new one (then the team is checked as on the first page).
     */
    public StepOutcome validate(CurrentUser user, String team, LoadBalancerSpec spec, UUID id) {
        SpecProblems problems = SpecRules.check(spec).onlyFields(WizardStep.REVIEW.fields());
        String owner = team;
        if (id == null) {
            checkTeam(user, team, problems);
        } else {
            owner = transactions.execute(tx -> changeable(id, user).team());
        }
        StepOutcome refused = civoChecked(problems, spec, owner, id, WizardStep.REVIEW);
        return refused != null ? refused : StepOutcome.refused(new SpecProblems());
    }

    private static void checkTeam(CurrentUser user, String team, SpecProblems problems) {
        if (team == null || team.isBlank()) {
            problems.add("team", "Choose the team the load balancer is for.");
        } else if (!user.isMemberOf(team) || !user.has(dev.ilbportal.identity.PortalRole.REQUESTER)) {
            problems.add("team", "You can request only for your own teams.");
        }
    }

    /** The plan of Civo calls a complete spec would be submitted with, under the configured Civo path prefix. */
    public ProvisioningPlan planOf(LoadBalancerSpec spec) {
        return PlanBuilder.planFor(spec, civoPathPrefix);
    }

    /** Deletes a draft for good; anything submitted once stays for the record. */
    @Transactional
    public void deleteDraft(UUID id, CurrentUser user) {
        LoadBalancerRequest request = changeable(id, user);
        if (request.status() != RequestStatus.DRAFT || request.currentRevisionNumber() > 0) {
            throw new RequestRuleViolation("Only a draft that was never submitted can be deleted; withdraw it "
                    + "instead.");
        }
        requests.delete(request);
        // Published here, in the deleting transaction: the row is gone, so only the audit trail says it existed.
        events.publishEvent(new dev.ilbportal.requests.RequestEvents.DraftDeleted(request.id(), request.team(),
                Participant.of(user)));
    }

    /** The draft as the wizard shows it, for a person who may change it. */
    @Transactional(readOnly = true)
    public Draft open(UUID id, CurrentUser user) {
        LoadBalancerRequest request = changeable(id, user);
        return new Draft(request.id(), request.team(), request.status(), SpecJson.read(request.specJson()));
    }

    /** The requests of the person's teams, newest change first. */
    @Transactional(readOnly = true)
    public Page<RequestListItem> listFor(CurrentUser user, Pageable page) {
        if (user.teams().isEmpty()) {
            return Page.empty(page);
        }
        return requests.findByTeamInOrderByUpdatedAtDesc(user.teams(), page).map(RequestListItem::of);
    }

    /** Null when the step may be saved; otherwise the refusal, with static problems taking precedence. */
    private StepOutcome civoChecked(SpecProblems problems, LoadBalancerSpec spec, String team, UUID id,
                                    WizardStep step) {
        if (!problems.isEmpty()) {
            return StepOutcome.refused(problems);
        }
        try {
            SpecProblems civoProblems = civoRules.check(spec, team, id, step.fields(), step == WizardStep.REVIEW
                    ? Freshness.FRESH : Freshness.CACHED).onlyFields(step.fields());
            return civoProblems.isEmpty() ? null : StepOutcome.refused(civoProblems);
        } catch (CivoApiException failure) {
            return StepOutcome.civoDidNotAnswer(CivoBackedRules.describe(failure));
        }
    }

    private LoadBalancerRequest changeable(UUID id, CurrentUser user) {
        LoadBalancerRequest request = requests.findById(id).orElseThrow(() -> new NotFoundException("Request " + id));
        if (!RequestVisibility.canSee(user, request)) {
            throw new NotFoundException("Request " + id);
        }
        if (!RequestVisibility.canChange(user, request)) {
            throw new AccessDeniedException("Only requesters of team " + request.team() + " may change it");
        }
        return request;
    }

    /**
     * A request as the wizard edits it.
     *
     * @param status where it stands; approved, withdrawn and expired requests are no longer edited here
     */
    public record Draft(UUID id, String team, RequestStatus status, LoadBalancerSpec spec) {

        public boolean isEditable() {
            return status == RequestStatus.DRAFT || status == RequestStatus.SUBMITTED
                    || status == RequestStatus.REJECTED;
        }
    }
}
