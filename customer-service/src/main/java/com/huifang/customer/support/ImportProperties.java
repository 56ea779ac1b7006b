package com.huifang.customer.support;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Customer-list imports ({@code huifang.customer.imports.*}).
 *
 * @param directory     where uploaded files are kept until their job ends; every instance must see
 *                      the same directory (a shared volume) for another instance to resume a job
 * @param lease         how long a job stays claimed by the instance processing it without progress;
 *                      renewed at every chunk, so it only runs out when that instance stopped or died
 * @param checkInterval how often an instance looks for unfinished jobs whose lease ran out (also at start-up)
 */
@ConfigurationProperties("huifang.customer.imports")
public record ImportProperties(Path directory, Duration lease, Duration checkInterval) {

    public ImportProperties {
        directory = directory != null ? directory : Path.of(System.getProperty("java.io.tmpdir"), "huifang-customer-imports");
        lease = lease != null ? lease : Duration.ofMinutes(2);
        checkInterval = checkInterval != null ? checkInterval : Duration.ofSeconds(30);
    }
}
