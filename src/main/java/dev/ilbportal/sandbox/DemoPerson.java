package dev.ilbportal.sandbox;

import java.util.List;

/** A person of the sandbox's identity provider, signed in with one click. */
public record DemoPerson(String username, String name, String email, String summary, List<String> groups) {

    /** Everyone the sandbox provider offers: one per role, two teams, a person with two roles, one with none. */
    public static List<DemoPerson> all() {
        return List.of(
                new DemoPerson("alice", "Alice Adeyemi", "alice@payments.example",
                        "requester, team payments", List.of("portal-requesters", "team-payments")),
                new DemoPerson("sam", "Sam Sørensen", "sam@search.example",
                        "requester, team search", List.of("portal-requesters", "team-search")),
                new DemoPerson("riley", "Riley Rao", "riley@payments.example",
                        "requester (team payments) and approver",
                        List.of("portal-requesters", "portal-approvers", "team-payments")),
                new DemoPerson("april", "April Okafor", "april@platform.example",
                        "approver", List.of("portal-approvers")),
                new DemoPerson("audrey", "Audrey Laurent", "audrey@risk.example",
                        "auditor", List.of("portal-auditors")),
                new DemoPerson("adam", "Adam Novak", "adam@platform.example",
                        "admin", List.of("portal-admins")),
                new DemoPerson("nina", "Nina Visitor", "nina@elsewhere.example",
                        "no portal group (sees the no-access page)", List.of("team-marketing")));
    }
}
