package com.huifang.survey.link.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.huifang.contracts.events.SurveySubmitted;
import com.huifang.survey.SurveyServiceTestBase;
import com.huifang.survey.SurveyTemplates;
import com.huifang.survey.visit.store.SurveyVisitDocument;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * The customer's page in a real headless Chromium (Debian {@code chromium} + {@code chromium-driver}): the branch
 * question appears and disappears with the answer it depends on, the form is submitted once, the response is
 * stored and published. Skipped where Chromium is not installed.
 */
class SurveyPageBrowserTest extends SurveyServiceTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void startChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed: apt-get install -y chromium chromium-driver to run the browser test");
        profile = Files.createTempDirectory("survey-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--lang=zh-CN", "--window-size=412,915");
        // a phone in China: the browser asks for Chinese pages (headless Chromium says en-US by default)
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    @Test
    void aCustomerFillsTheBranchingPageInChromiumAndTheResponseIsStoredAndPublished() {
        String tenant = newTenant();
        createTemplate(tenant, SurveyTemplates.everyType()).expectStatus().isCreated();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        String token = smsLinkToken(tenant, visit.visitId);

        browser.get("http://localhost:" + port + "/s/" + token);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        assertThat(browser.getTitle()).isEqualTo("测试问卷 every-type");
        assertThat(browser.findElement(By.id("q-why")).isDisplayed()).as("asked only after a low rating").isFalse();

        browser.findElement(By.id("q-overall-2")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q-why")));
        browser.findElement(By.id("q-why-text")).sendKeys("护士态度不好");
        browser.findElement(By.id("q-nurses-dissatisfied")).click();
        browser.findElement(By.id("q-topics-diet")).click();
        browser.findElement(By.id("q-topics-exercise")).click();
        browser.findElement(By.id("q-recommend-6")).click();
        browser.findElement(By.id("q-symptom-no")).click();
        browser.findElement(By.id("submit")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks")));
        assertThat(browser.findElement(By.id("thanks")).getText()).contains("提交成功");

        JsonNode stored = http.get().uri("/api/surveys/visits/{id}/response", visit.visitId)
                .headers(h -> h.setBearerAuth(agent(tenant))).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(stored.at("/answers/overall").asInt()).isEqualTo(2);
        assertThat(stored.at("/answers/why").asText()).isEqualTo("护士态度不好");
        assertThat(stored.at("/answers/topics").toString()).isEqualTo("[\"diet\",\"exercise\"]");
        assertThat(stored.at("/answers/symptom").asBoolean()).isFalse();
        assertThat(stored.get("source").asText()).isEqualTo("CUSTOMER_LINK");

        SurveySubmitted event = publishedSubmission(stored.get("id").asText());
        assertThat(event.raisesIssue()).isTrue();
        assertThat(event.comments()).containsExactly("护士态度不好");
        assertThat(event.npsClass()).isEqualTo("DETRACTOR");

        // the link is spent: reloading shows the polite "already answered" page
        browser.get("http://localhost:" + port + "/s/" + token);
        assertThat(browser.findElement(By.id("outcome")).getAttribute("data-outcome")).isEqualTo("USED");
    }

    @Test
    void aBranchQuestionHiddenAgainIsNotSubmitted() {
        String tenant = newTenant();
        createTemplate(tenant, SurveyTemplates.everyType()).expectStatus().isCreated();
        SurveyVisitDocument visit = visit(tenant, "every-type");
        String token = smsLinkToken(tenant, visit.visitId);

        browser.get("http://localhost:" + port + "/s/" + token + "?lang=en");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.findElement(By.id("q-overall-1")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q-why")));
        browser.findElement(By.id("q-why-text")).sendKeys("不用了");
        browser.findElement(By.id("q-overall-5")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("q-why")));
        browser.findElement(By.id("q-nurses-satisfied")).click();
        browser.findElement(By.id("q-recommend-10")).click();
        browser.findElement(By.id("q-symptom-no")).click();
        assertThat(browser.findElement(By.id("submit")).getText()).isEqualTo("Submit");
        browser.findElement(By.id("submit")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks")));
        JsonNode stored = http.get().uri("/api/surveys/visits/{id}/response", visit.visitId)
                .headers(h -> h.setBearerAuth(agent(tenant))).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(stored.at("/answers/overall").asInt()).isEqualTo(5);
        assertThat(stored.get("answers").has("why")).isFalse();
        assertThat(stored.get("raisesIssue").asBoolean()).isFalse();
    }
}
