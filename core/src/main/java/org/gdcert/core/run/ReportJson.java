package org.gdcert.core.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.json.Json;
import org.gdcert.core.train.MonitorCheck;

/** JSON forms of reports and checks, shared by the result writer and the command line. */
public final class ReportJson {
    private ReportJson() {
    }

    public static Map<String, Object> report(CertificateReport r) {
        List<Object> conds = new ArrayList<>();
        for (Condition c : r.conditions()) {
            conds.add(Json.object().put("id", c.id()).put("equation", c.equation()).put("description", c.description())
                    .put("lhs", c.lhs()).put("relation", c.relation()).put("rhs", c.rhs()).put("slack", c.slack())
                    .put("log10_slack", Math.log10(c.slack())).put("status", c.status()).put("binding", c.binding())
                    .put("tag", c.tag().word()).build());
        }
        List<Object> qs = new ArrayList<>();
        for (Quantity q : r.quantities()) {
            qs.add(Json.object().put("name", q.name()).put("symbol", q.symbol()).put("value", q.value())
                    .put("equation", q.equation()).put("tag", q.tag().word()).put("note", q.note()).build());
        }
        List<Object> notes = new ArrayList<>();
        for (Note n : r.notes()) {
            notes.add(Json.object().put("topic", n.topic()).put("text", n.text()).put("tag", n.tag().word()).build());
        }
        Json.Obj o = Json.object().put("checker", r.checker()).put("theorem", r.theorem()).put("verdict", r.verdict())
                .put("reasons", r.reasons()).put("conditions", conds).put("quantities", qs).put("rate", r.rate())
                .put("step_size_bound", r.stepSizeBound());
        r.lossBound().ifPresentOrElse(b -> o.put("loss_bound", Json.object().put("axis", b.axis()).put("initial",
                b.initial()).put("rate", b.rate()).put("formula", b.formula()).put("tag", b.tag().word()).build()),
                () -> o.put("loss_bound", (Object) null));
        return o.put("notes", notes).build();
    }

    public static Map<String, Object> check(MonitorCheck c) {
        return Json.object().put("name", c.name()).put("kind", c.kind()).put("held", c.held())
                .put("first_violation", c.firstViolation()).put("worst_ratio", c.worstRatio()).put("detail", c.detail())
                .build();
    }
}
