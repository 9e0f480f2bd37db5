package org.annualreview.workspace;

import java.util.Map;

import org.annualreview.site.ErrorPage;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every error the server answers itself (an address nothing answers, a page an account may not see, a failure of ours)
 * as a GOV.UK page: in the workspace's layout under /workspace, the site's elsewhere, and as JSON under /api. Replaces
 * Spring's own error page, which shows the server's words.
 */
@RestController
public final class ErrorPages implements ErrorController {

    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final WorkspacePages pages = new WorkspacePages();

    /**
     * Written to the response directly, not through Spring's message converters: those would mark an error answered for
     * an address ending in .csv or .xlsx as a file to save ("inline;filename=f.txt").
     */
    @RequestMapping("/error")
    public void error(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        ResponseEntity<String> answer = answer(request);
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        byte[] body = answer.getBody() == null ? new byte[0] : answer.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private ResponseEntity<String> answer(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        ErrorPage page = ErrorPage.of(status);
        HttpStatus answered = HttpStatus.resolve(status) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.valueOf(status);
        if (path.startsWith("/api/")) {
            return ResponseEntity.status(answered).contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                    .body("{\"status\":" + answered.value() + ",\"error\":\"" + page.title() + "\"}");
        }
        if (path.equals("/workspace") || path.startsWith("/workspace/") || path.equals("/login")) {
            Map<String, Object> model = WorkspacePages.base(page.title(), request);
            model.put("explanation", page.status() == 403 ? "Your account cannot use this page. Ask an administrator if you need it."
                    : page.explanation());
            return pages.status(answered).page("error", model);
        }
        return ResponseEntity.status(answered).contentType(HTML).cacheControl(CacheControl.noStore()).body(page.render());
    }
}
