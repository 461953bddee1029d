package nl.jeugdhulp.registratie.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator's start page: links to each part of "Beheer". */
@Controller
class AdminHomeController {

    @GetMapping("/beheer")
    String index() {
        return "admin/index";
    }
}
