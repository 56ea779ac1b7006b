package com.huifang.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Debian's nginx as the proxy a team would otherwise put in front of the services: the same
 * upstreams as the gateway's routes, keep-alive to the upstream, as many workers as cores.
 */
final class NginxProxy implements AutoCloseable {

    private final Process process;
    final int port;

    private NginxProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Optional<Path> binary() {
        for (String candidate : new String[] {"/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"}) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Starts nginx routing each path prefix to its upstream base URL (e.g. /api/partner → http://127.0.0.1:8081). */
    static NginxProxy start(Path nginx, Map<String, String> routes) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("huifang-nginx");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StringBuilder upstreams = new StringBuilder();
        StringBuilder locations = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, String> r : routes.entrySet()) {
            URI u = URI.create(r.getValue());
            String name = "u" + n++;
            upstreams.append("  upstream ").append(name).append(" { server ").append(u.getHost()).append(':')
                    .append(u.getPort()).append("; keepalive 64; }\n");
            locations.append("    location ").append(r.getKey()).append(" { proxy_pass http://").append(name)
                    .append("; proxy_http_version 1.1; proxy_set_header Connection \"\"; }\n");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        String conf = (root ? "user root root;\n" : "") + """
                worker_processes auto;
                daemon off;
                error_log %1$s/error.log warn;
                pid %1$s/nginx.pid;
                events { worker_connections 4096; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  client_max_body_size 8m;
                  keepalive_requests 100000;
                %2$s
                  server {
                    listen 127.0.0.1:%3$d;
                %4$s  }
                }
                """.formatted(dir, upstreams, port, locations);
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf);
        Process p = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return new NginxProxy(p, port);
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new IOException("nginx exited: " + Files.readString(dir.resolve("stdout.log"))
                            + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : ""));
                }
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IOException("nginx did not listen on " + port + " within 10 s");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
