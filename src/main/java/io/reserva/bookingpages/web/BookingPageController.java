package io.reserva.bookingpages.web;

import io.reserva.bookingpages.BookingLink;
import io.reserva.bookingpages.GuestBookingPage;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML of the booking pages: a small shell that names the link and loads the page's own script and styles
 * from this server. Every text the page shows comes from the public JSON API and is set as text by the
 * script; the shell itself only carries escaped values, under a Content-Security-Policy that allows nothing
 * from elsewhere but images.
 */
@Controller
@PublicEndpoint
@Hidden
class BookingPageController {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' https: http:; connect-src 'self'; form-action 'self'; base-uri 'none';"
            + " frame-ancestors 'none'";

    static final String DEFAULT_ICON = "/booking/favicon.svg";

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "en",
                    Map.of(
                            "loading", "Loading the booking page…",
                            "noscript", "This booking page needs JavaScript switched on.",
                            "skip", "Skip to the booking form",
                            "not_found_title", "Page not found",
                            "not_found_text",
                                    "There is no booking page at this address, or it is not taking bookings right"
                                            + " now. Check the link you were given.",
                            "manage_title", "Your booking",
                            "waitlist_title", "Your place on the waitlist"),
            "es",
                    Map.of(
                            "loading", "Cargando la página de reservas…",
                            "noscript", "Esta página de reservas necesita JavaScript activado.",
                            "skip", "Ir al formulario de reserva",
                            "not_found_title", "Página no encontrada",
                            "not_found_text",
                                    "No hay ninguna página de reservas en esta dirección, o ahora no admite reservas."
                                            + " Revisa el enlace que te dieron.",
                            "manage_title", "Tu reserva",
                            "waitlist_title", "Tu lugar en la lista de espera"));

    private final GuestBookingPage bookings;
    private final String shell = template("bookingpages/page.html");
    private final String notFound = template("bookingpages/not-found.html");

    BookingPageController(GuestBookingPage bookings) {
        this.bookings = bookings;
    }

    @GetMapping(value = "/b/{organization_id}/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(
            @PathVariable("organization_id") String organizationId,
            @PathVariable String slug,
            HttpServletRequest request) {
        return render(organizationId, slug, "book", request);
    }

    @GetMapping(value = "/b/{organization_id}/{slug}/manage/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> manage(
            @PathVariable("organization_id") String organizationId,
            @PathVariable String slug,
            @PathVariable String token,
            HttpServletRequest request) {
        // Whether the token is good is the script's question (the API answers 404 and the page says so).
        return render(organizationId, slug, "manage", request);
    }

    @GetMapping(value = "/b/{organization_id}/{slug}/waitlist/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> waitlist(
            @PathVariable("organization_id") String organizationId,
            @PathVariable String slug,
            @PathVariable String token,
            HttpServletRequest request) {
        // As for the manage page: the script asks the API, which answers 404 for a token that opens nothing.
        return render(organizationId, slug, "waitlist", request);
    }

    private ResponseEntity<String> render(String organizationId, String slug, String view, HttpServletRequest request) {
        BookingLink link;
        String organizationName;
        try {
            UUID organization = GuestBookingController.organization(organizationId);
            link = !view.equals("book")
                    ? bookings.anyLink(organization, slug)
                    : bookings.activeLink(organization, slug);
            organizationName = bookings.organization(organization).name();
        } catch (ReservaException e) {
            String lang = acceptsSpanish(request) ? "es" : "en";
            Map<String, String> t = TEXTS.get(lang);
            String body = notFound.replace("{{lang}}", lang)
                    .replace("{{title}}", escape(t.get("not_found_title")))
                    .replace("{{text}}", escape(t.get("not_found_text")));
            return html(HttpStatus.NOT_FOUND, body.replace("{{icon}}", DEFAULT_ICON));
        }
        String lang =
                link.pageConfig().locale() == null ? "en" : link.pageConfig().locale();
        Map<String, String> t = TEXTS.get(lang);
        String title = !view.equals("book")
                ? t.get(view + "_title") + " · " + organizationName
                : (link.pageConfig().heroTitle() != null ? link.pageConfig().heroTitle() : link.name()) + " · "
                        + organizationName;
        String body = shell.replace("{{lang}}", lang)
                .replace("{{title}}", escape(title))
                .replace("{{organization}}", escape(link.organizationId().toString()))
                .replace("{{slug}}", escape(link.slug()))
                .replace("{{view}}", view)
                .replace("{{loading}}", escape(t.get("loading")))
                .replace("{{noscript}}", escape(t.get("noscript")))
                .replace("{{skip}}", escape(t.get("skip")))
                .replace("{{icon}}", escape(icon(link)));
        return html(HttpStatus.OK, body);
    }

    /**
     * The organization's logo when the link has one (checked as an http(s) URL or a path on this server when it
     * was saved), else the small icon shipped with the app: without a {@code <link rel="icon">} every browser asks
     * for {@code /favicon.ico} and logs a 404.
     */
    private static String icon(BookingLink link) {
        String logo = link.pageConfig().logoUrl();
        return logo == null || logo.isBlank() ? DEFAULT_ICON : logo;
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private static boolean acceptsSpanish(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("es");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String template(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The booking page template " + path + " is missing", e);
        }
    }
}
