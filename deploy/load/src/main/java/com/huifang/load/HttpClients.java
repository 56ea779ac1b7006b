package com.huifang.load;

import java.net.http.HttpClient;

/** The HTTP client the harness uses (HTTP/1.1, 5 s connect time-out), for callers outside the package. */
public final class HttpClients {

    public static HttpClient plain() {
        return HttpLoad.newClient();
    }

    private HttpClients() {
    }
}
