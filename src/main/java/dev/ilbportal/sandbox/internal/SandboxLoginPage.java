package dev.ilbportal.sandbox.internal;

import dev.ilbportal.sandbox.DemoPerson;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/** The sandbox provider's sign-in page: one button per demo person, no typing. */
public final class SandboxLoginPage {

    private SandboxLoginPage() {
    }

    public static String html(List<DemoPerson> people) {
        StringBuilder buttons = new StringBuilder();
        for (DemoPerson person : people) {
            buttons.append("""
                    <form method="post">
                      <input type="hidden" name="username" value="%s">
                      <input type="hidden" name="claims" value="%s">
                      <button type="submit" data-person="%s"><strong>%s</strong><span>%s</span></button>
                    </form>
                    """.formatted(escape(person.username()), escape(claimsJson(person)), escape(person.username()),
                    escape(person.name()), escape(person.summary())));
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sandbox sign-in · ILB Portal</title>
                <style>
                  body { font-family: system-ui, sans-serif; background: #f4f6f8; margin: 0; color: #1d2733; }
                  main { max-width: 34rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: .5rem;
                         box-shadow: 0 1px 4px rgba(0,0,0,.1); }
                  h1 { font-size: 1.4rem; margin-top: 0; }
                  p { color: #4a5664; }
                  form { margin: .5rem 0; }
                  button { width: 100%%; text-align: left; padding: .75rem 1rem; border: 1px solid #c9d2dc;
                           border-radius: .4rem; background: #fff; cursor: pointer; font-size: 1rem; }
                  button:hover, button:focus { border-color: #0d6efd; background: #eef5ff; }
                  button span { display: block; color: #4a5664; font-size: .9rem; }
                </style>
                </head>
                <body>
                <main>
                  <h1>Sandbox identity provider</h1>
                  <p>Choose a demo person to sign in to the ILB Portal. This provider runs only in sandbox mode.</p>
                  %s
                </main>
                </body>
                </html>
                """.formatted(buttons);
    }

    static String claimsJson(DemoPerson person) {
        StringBuilder groups = new StringBuilder();
        for (String group : person.groups()) {
            if (!groups.isEmpty()) {
                groups.append(',');
            }
            groups.append(jsonString(group));
        }
        return "{\"name\":%s,\"preferred_username\":%s,\"email\":%s,\"groups\":[%s]}".formatted(
                jsonString(person.name()), jsonString(person.username()), jsonString(person.email()), groups);
    }

    private static String jsonString(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
