package dev.ilbportal.audit.web;

import dev.ilbportal.audit.Attestation;
import dev.ilbportal.audit.internal.CsvCell;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's attestation page and its CSV; a GET form picks the period exposure minutes are counted over. */
@Controller
class AttestationController {

    private final Attestation attestation;

    AttestationController(Attestation attestation) {
        this.attestation = attestation;
    }

    @GetMapping("/audit/attestation")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
                Model model) {
        Attestation.Report report = attestation.report(instant(from), instant(to));
        model.addAttribute("report", report);
        model.addAttribute("from", LocalDateTime.ofInstant(report.from(), ZoneOffset.UTC).withNano(0));
        model.addAttribute("to", LocalDateTime.ofInstant(report.to(), ZoneOffset.UTC).withNano(0));
        return "audit/attestation";
    }

    @GetMapping("/audit/attestation.csv")
    void csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
             HttpServletResponse response) throws IOException {
        Attestation.Report report = attestation.report(instant(from), instant(to));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"attestation.csv\"");
        Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write("# attestation at " + report.at() + ", proven within " + report.interval() + ", exposure minutes from "
                + report.from() + " to " + report.to() + "\n");
        out.write("load_balancer_id,team,region,status,since,last_proof,exposure_minutes\n");
        for (Attestation.Standing s : report.all()) {
            out.write(String.join(",", CsvCell.of(s.loadBalancerId()), CsvCell.of(s.team()), CsvCell.of(s.region()),
                    s.status().name(), s.since() == null ? "" : s.since().toString(),
                    s.lastProof() == null ? "" : s.lastProof().toString(), Long.toString(s.exposureMinutes())) + "\n");
        }
        out.flush();
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
