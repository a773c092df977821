package dev.ilbportal.web.internal;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A form field that cannot exist on any page (a row index beyond the form's limit, such as {@code ports[300]}) is
 * refused with a 400 page that says so, not a 500: no page of the portal ever sends such a field. So is a parameter
 * a page refuses as it stands ({@link dev.ilbportal.web.InputRefusedException}).
 */
@ControllerAdvice
class MalformedFormAdvice {

    @ExceptionHandler(InvalidPropertyException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(InvalidPropertyException malformed, Model model) {
        model.addAttribute("status", 400);
        model.addAttribute("reason", "The form sent a field the page does not have (" + fieldName(malformed)
                + "); lists on a form have a limited number of rows. Nothing was changed.");
        return "error/4xx";
    }

    @ExceptionHandler(dev.ilbportal.web.InputRefusedException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(dev.ilbportal.web.InputRefusedException refused, Model model) {
        model.addAttribute("status", 400);
        model.addAttribute("reason", refused.getMessage());
        return "error/4xx";
    }

    private static String fieldName(InvalidPropertyException malformed) {
        String name = malformed.getPropertyName();
        return name.length() > 60 ? name.substring(0, 60) + "…" : name.replaceAll("\\p{Cntrl}", "");
    }
}
