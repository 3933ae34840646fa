package dev.grid.monitor;

import com.hazelcast.cp.lock.FencedLock;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.test.TestSources;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridAlertRule;
import dev.grid.lock.GridLocks;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.GridLog;
import dev.grid.log.LogConsumer;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerRecord;
import dev.grid.log.TopicPartition;
import dev.grid.monitor.test.MonitoredCluster;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in headless Chromium against running members: members, a map, a held lock and a
 * fired alert appear, and the partition chart draws a bar per member; on the topics page a topic, its partitions
 * (owner, high watermark, a consumer group's lag) and the group appear, and the lag chart draws the group's line.
 * On the query page a SELECT shows its rows and plan, a bad one the engine's error, and a stream run from the page is
 * listed as running until its cancel button stops it. On the jobs page a Jet job is listed and its buttons suspend,
 * resume and cancel it. Screenshots are saved as {@code target/dashboard.png},
 * {@code target/dashboard-topics.png}, {@code target/dashboard-query.png} and {@code target/dashboard-jobs.png}. Needs {@code chromium} and
 * {@code chromedriver} ({@code apt-get install -y chromium chromium-driver}); skipped when they are
 * missing, unless {@code -Dgrid.test.browser=require}, which makes their absence a failure (CI).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DashboardBrowserTest {
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    @TempDir
    Path data;

    private static String find(List<String> candidates) {
        return candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
    }

    /** @return the browser and its driver, or skips the test without them (fails it under -Dgrid.test.browser=require) */
    private static String[] browserAndDriver() {
        String browser = find(CHROMIUM);
        String driverBinary = find(DRIVER);
        String missing = "headless browser test needs chromium and chromedriver (apt-get install -y chromium chromium-driver); found browser="
                + browser + ", driver=" + driverBinary;
        if ("require".equals(System.getProperty("grid.test.browser"))) {
            assertTrue(browser != null && driverBinary != null, missing);
        }
        Assumptions.assumeTrue(browser != null && driverBinary != null, missing);
        Assumptions.assumeFalse("skip".equals(System.getProperty("grid.test.browser")), "grid.test.browser=skip");
        return new String[] {browser, driverBinary};
    }

    private static WebDriver chrome(String browser, String driverBinary) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(browser));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1200");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driverBinary)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * The query page: a SELECT shows its rows and plan; a bad one the engine's error; a stream run from the page shows in
     * the running list, its cancel button stops it (the page shows who cancelled it) and it leaves the list.
     */
    private static void checkQueryPage(WebDriver driver, WebDriverWait wait, MonitoredCluster cluster) throws Exception {
        String address = cluster.members.get(0).localMember().orElseThrow().address();
        driver.findElement(By.id("tab-query")).click();
        wait.until(d -> d.findElement(By.id("page-query")).isDisplayed());
        wait.until(d -> d.findElement(By.id("sql-running-count")).getText().equals("0 running"));

        WebElement text = driver.findElement(By.id("sql-text"));
        text.sendKeys("SELECT v, v * v AS square FROM TABLE(generate_series(1, 3)) ORDER BY v");
        driver.findElement(By.id("sql-run")).click();
        wait.until(d -> d.findElements(By.cssSelector("#sql-rows tbody tr[data-key]")).size() == 3);
        assertEquals(List.of("v", "square"), driver.findElements(By.cssSelector("#sql-rows thead th")).stream().map(WebElement::getText).toList());
        assertEquals("3 9", driver.findElement(By.cssSelector("#sql-rows tbody tr[data-key='2']")).getText());
        assertTrue(driver.findElement(By.id("sql-status")).getText().matches("query [0-9a-f]{12}: 3 rows in \\d+ ms"),
                driver.findElement(By.id("sql-status")).getText());
        assertTrue(!driver.findElement(By.id("sql-plan")).getText().isBlank(), "the plan is shown");

        text.clear();
        text.sendKeys("SELECT FROM WHERE");
        driver.findElement(By.id("sql-run")).click();
        wait.until(d -> d.findElement(By.id("sql-error")).isDisplayed());
        assertTrue(driver.findElement(By.id("sql-error")).getText().contains("line 1, column"), driver.findElement(By.id("sql-error")).getText());

        text.clear();
        text.sendKeys("SELECT v FROM TABLE(generate_stream(1))");
        driver.findElement(By.id("sql-run")).click();
        wait.until(d -> d.findElements(By.cssSelector("#sql-running tbody tr[data-key]")).size() == 1);
        // the list is rebuilt at every poll: each look finds the row afresh
        String id = wait.until(d -> d.findElement(By.cssSelector("#sql-running tbody tr[data-key]")).getAttribute("data-key"));
        By row = By.cssSelector("#sql-running tbody tr[data-key='" + id + "']");
        String rowText = wait.until(d -> d.findElement(row).getText());
        assertTrue(rowText.contains("SELECT v FROM TABLE(generate_stream(1))"), rowText);
        assertTrue(rowText.contains("dashboard on member " + address), rowText);
        Path shot = Path.of("target", "dashboard-query.png");
        Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        System.out.println("DashboardBrowserTest: screenshot " + shot.toAbsolutePath());

        wait.until(d -> {
            d.findElement(row).findElement(By.cssSelector("button.cancel-button")).click();
            return true;
        });
        wait.until(d -> d.findElement(By.id("sql-error")).isDisplayed()
                && d.findElement(By.id("sql-error")).getText().equals("query " + id + " was cancelled by the dashboard of member " + address));
        wait.until(d -> d.findElement(By.id("sql-running-count")).getText().equals("0 running"));
        assertEquals(0, driver.findElements(By.cssSelector("#sql-running tbody tr[data-key]")).size());
        wait.until(d -> cluster.members.get(0).hazelcast().getJet().getJobs().stream().filter(Job::isLightJob).noneMatch(job -> {
            try {
                return job.getStatus() == JobStatus.RUNNING;
            } catch (RuntimeException e) {
                return false; // ended meanwhile
            }
        })); // no query's Jet job runs on
    }

    /**
     * The jobs page: a running Jet job is listed with its items; its Suspend button suspends it, Resume resumes it (a
     * restart counted) and Cancel cancels it, each shown in the row's status.
     */
    private static void checkJobsPage(WebDriver driver, WebDriverWait wait, MonitoredCluster cluster) throws Exception {
        Pipeline pipeline = Pipeline.create();
        pipeline.readFrom(TestSources.itemStream(100)).withIngestionTimestamps().map(e -> e.sequence()).writeTo(Sinks.noop());
        Job job = cluster.members.get(0).hazelcast().getJet().newJob(pipeline, new JobConfig().setName("ticks"));
        String id = job.getIdString();
        driver.findElement(By.id("tab-jobs")).click();
        wait.until(d -> d.findElement(By.id("page-jobs")).isDisplayed());
        By row = By.cssSelector("#jobs tbody tr[data-key='" + id + "']");
        List<String> cells = wait.until(d -> {
            List<String> texts = d.findElement(row).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            return texts.get(2).equals("RUNNING") && !texts.get(5).equals("0") ? texts : null;
        });
        assertEquals("ticks", cells.get(0));
        wait.until(d -> !d.findElements(By.cssSelector("#job-vertices tbody tr[data-key]")).isEmpty());
        Path shot = Path.of("target", "dashboard-jobs.png");
        Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        System.out.println("DashboardBrowserTest: screenshot " + shot.toAbsolutePath());
        for (String[] step : new String[][] {{"suspend", "SUSPENDED"}, {"resume", "RUNNING"}, {"cancel", "FAILED"}}) {
            wait.until(d -> {
                d.findElement(row).findElement(By.cssSelector("button.job-" + step[0])).click();
                return true;
            });
            wait.until(d -> d.findElement(row).findElements(By.tagName("td")).get(2).getText().equals(step[1]));
        }
        assertEquals(JobStatus.FAILED, job.getStatus());
        assertEquals("cancelled by a user", driver.findElement(row).findElements(By.tagName("td")).get(12).getText());
        assertEquals("", driver.findElement(By.id("jobs-problem")).getText());
    }

    @Test
    void dashboardShowsMembersMapsALockAndAFiredAlertTopicsAndTheQueryPage() throws Exception {
        String[] binaries = browserAndDriver();
        String browser = binaries[0];
        String driverBinary = binaries[1];

        try (MonitoredCluster cluster = new MonitoredCluster(2, data, config -> {
            config.setJetEnabled(true); // the query and jobs pages
            config.setHazelcastProperty("hazelcast.metrics.collection.frequency", "1"); // the jobs page's items
            config.getCp().setMemberCount(2);
            config.getMonitor().addAlert(new GridAlertRule("web-sessions-many", "grid_map_entries{map=\"web-sessions\",replica=\"primary\"}",
                    ">", 10).setSeverity("warning").setSummary("a member holds more than 10 web sessions"));
        })) {
            cluster.startMember();
            cluster.startMember();
            GridMap<String, String> sessions = cluster.members.get(0).map("web-sessions");
            for (int i = 0; i < 100; i++) {
                sessions.set("s" + i, "user-" + i);
            }
            FencedLock lock = GridLocks.of(cluster.members.get(1)).get("nightly-batch");
            long fence = lock.lockAndGetFence();
            GridLog log = GridLog.of(cluster.members.get(0));
            log.createTopic("orders", 2);
            try (LogProducer producer = log.producer()) {
                for (int p = 0; p < 2; p++) {
                    for (int i = 0; i < 10; i++) {
                        producer.send(ProducerRecord.of("orders", null, "order-" + i).toPartition(p));
                    }
                }
            }
            try (LogConsumer consumer = log.consumer(new ConsumerConfig("orders").setGroup("billing").setAutoCommit(false))) {
                consumer.commitSync(Map.of(new TopicPartition("orders", 0), 4L));
            }

            WebDriver driver = chrome(browser, driverBinary);
            try {
                driver.get(cluster.url(0));
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                wait.ignoring(StaleElementReferenceException.class); // the tables are rebuilt at every poll
                wait.until(d -> d.findElements(By.cssSelector("#members tbody tr[data-key]")).size() == 2);
                for (int i = 0; i < 2; i++) {
                    String address = cluster.members.get(i).localMember().orElseThrow().address();
                    assertEquals(1, driver.findElements(By.cssSelector("#members tbody tr[data-key='" + address + "']")).size(), address);
                }
                wait.until(d -> !d.findElements(By.cssSelector("#maps tbody tr[data-key='web-sessions']")).isEmpty());
                wait.until(d -> d.findElement(By.cssSelector("#maps tbody tr[data-key='web-sessions']")).findElements(By.tagName("td"))
                        .get(1).getText().equals("100"));
                wait.until(d -> !d.findElements(By.cssSelector("#locks tbody tr[data-key='nightly-batch']")).isEmpty());
                String lockRow = wait.until(d -> {
                    List<WebElement> cells = d.findElement(By.cssSelector("#locks tbody tr[data-key='nightly-batch']")).findElements(By.tagName("td"));
                    return cells.get(1).getText() + " " + cells.get(2).getText();
                });
                assertEquals(Long.toString(fence), lockRow.split(" ")[0]);
                assertTrue(lockRow.contains(":" + cluster.members.get(1).localMember().orElseThrow().port()), lockRow);

                // the rule fires on each member (about 50 primary entries each): both alerts show as firing, the badge is hot
                wait.until(d -> d.findElements(By.cssSelector("#alerts tbody tr.firing")).size() == 2);
                List<String> alertRows = wait.until(d -> d.findElements(By.cssSelector("#alerts tbody tr.firing")).stream()
                        .map(WebElement::getText).toList());
                for (int i = 0; i < 2; i++) {
                    String address = cluster.members.get(i).localMember().orElseThrow().address();
                    assertTrue(alertRows.stream().anyMatch(row -> row.startsWith("FIRING warning web-sessions-many a member holds more than 10 web sessions "
                            + address)), address + " in " + alertRows);
                }
                WebElement badge = driver.findElement(By.id("alerts-count"));
                assertEquals("2 firing", badge.getText());
                assertTrue(badge.getAttribute("class").contains("hot"), badge.getAttribute("class"));
                assertEquals(2, driver.findElements(By.cssSelector("#partitions-chart rect.bar")).size());
                assertTrue(driver.findElement(By.id("status")).getText().startsWith("updated"), driver.findElement(By.id("status")).getText());

                Path screenshot = Path.of("target", "dashboard.png");
                Files.createDirectories(screenshot.getParent());
                Files.write(screenshot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                assertTrue(Files.size(screenshot) > 10_000, "screenshot " + screenshot.toAbsolutePath());
                System.out.println("DashboardBrowserTest: screenshot " + screenshot.toAbsolutePath());

                // the topics page: the topic, its partitions with their high watermarks and the group's lag, and the lag chart
                driver.findElement(By.id("tab-topics")).click();
                wait.until(d -> d.findElement(By.id("page-topics")).isDisplayed() && !d.findElement(By.id("page-cluster")).isDisplayed());
                wait.until(d -> !d.findElements(By.cssSelector("#topics tbody tr[data-key='orders']")).isEmpty());
                List<String> partition0 = wait.until(d -> {
                    List<String> cells = d.findElement(By.cssSelector("#topic-partitions tbody tr[data-key='orders#0']"))
                            .findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
                    return cells.get(10).equals("billing: 6") ? cells : null;
                });
                assertEquals("orders", partition0.get(0));
                assertEquals("10", partition0.get(4), "high watermark of " + partition0);
                String owner = partition0.get(2);
                assertTrue(owner.equals(cluster.members.get(0).localMember().orElseThrow().address())
                        || owner.equals(cluster.members.get(1).localMember().orElseThrow().address()), owner);
                List<String> topicRow = driver.findElement(By.cssSelector("#topics tbody tr[data-key='orders']")).findElements(By.tagName("td"))
                        .stream().map(WebElement::getText).toList();
                assertEquals(List.of("orders", "2", "20"), topicRow.subList(0, 3));
                assertEquals("billing (16)", topicRow.get(6), "partition 0 lags 6, partition 1 (nothing committed) 10");
                wait.until(d -> d.findElement(By.cssSelector("#groups tbody tr[data-key='billing/orders']")).findElements(By.tagName("td"))
                        .get(2).getText().equals("16"));
                wait.until(d -> !d.findElements(By.cssSelector("#lag-chart polyline[data-series='billing / orders']")).isEmpty());
                assertTrue(driver.findElement(By.id("lag-legend")).getText().contains("billing / orders"));
                Path topicsShot = Path.of("target", "dashboard-topics.png");
                Files.write(topicsShot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                System.out.println("DashboardBrowserTest: screenshot " + topicsShot.toAbsolutePath());

                checkQueryPage(driver, wait, cluster);
                checkJobsPage(driver, wait, cluster);
            } finally {
                driver.quit();
            }
            lock.unlock();
        }
    }
}
