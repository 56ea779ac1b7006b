package com.huifang.survey.link.delivery.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AliyunRpcSignatureTest {

    /** The worked example of the SMS service's signature documentation (key testId / testSecret). */
    @Test
    void theDocumentedSendSmsExampleSignsToTheDocumentedSignature() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccessKeyId", "testId");
        p.put("Action", "SendSms");
        p.put("Format", "XML");
        p.put("OutId", "123");
        p.put("PhoneNumbers", "15300000001");
        p.put("RegionId", "cn-hangzhou");
        p.put("SignName", "阿里云短信测试专用");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466");
        p.put("SignatureVersion", "1.0");
        p.put("TemplateCode", "SMS_71390007");
        p.put("TemplateParam", "{\"customer\":\"test\"}");
        p.put("Timestamp", "2017-07-12T02:42:19Z");
        p.put("Version", "2017-05-25");

        assertThat(AliyunRpcSignature.sign("GET", p, "testSecret")).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
    }

    @Test
    void percentEncodingFollowsRfc3986NotFormEncoding() {
        assertThat(AliyunRpcSignature.percentEncode("a b*c~d+e/中")).isEqualTo("a%20b%2Ac~d%2Be%2F%E4%B8%AD");
    }
}
