package org.miri.pixeldb.platform.s3;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Where the ingest bucket is and how to sign for it. An empty endpoint means AWS itself; any other
 * endpoint (MinIO, S3Proxy) is addressed path-style, which every S3-compatible server understands.
 */
public record S3Endpoint(String endpoint, String region, String bucket, String accessKey, String secretKey) {

    public S3Client client() {
        var builder = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint))
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        return builder.build();
    }

    @Override
    public String toString() {
        // Never the secret: this record ends up in logs.
        return "S3Endpoint[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket
                + ", accessKey=" + accessKey + "]";
    }
}
