package io.airlines.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint the running server answers: the API as its OpenAPI document describes it (with
 * parameter names and types), plus every other mapped route (pages, error, docs), so endpoints
 * added later are fuzzed without anyone listing them.
 */
record Endpoints(List<Endpoint> all) {

    record Param(String name, String in, String type) {
    }

    record Endpoint(String template, Set<String> methods, List<Param> params) {

        boolean hasBody() {
            return methods.stream().anyMatch(m -> !m.equals("GET") && !m.equals("HEAD"));
        }
    }

    static Endpoints discover(String openApiJson, RequestMappingHandlerMapping mappings) {
        Map<String, Endpoint> byTemplate = new LinkedHashMap<>();
        JsonNode paths = JsonMapper.builder().build().readTree(openApiJson).path("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            Set<String> methods = new TreeSet<>();
            List<Param> params = new ArrayList<>();
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                methods.add(operation.getKey().toUpperCase());
                for (JsonNode p : operation.getValue().path("parameters").values()) {
                    Param param = new Param(p.path("name").asString(), p.path("in").asString(),
                            p.path("schema").path("type").asString("string"));
                    if (!params.contains(param)) {
                        params.add(param);
                    }
                }
            }
            byTemplate.put(path.getKey(), new Endpoint(path.getKey(), methods, params));
        }
        for (Map.Entry<RequestMappingInfo, ?> mapping : mappings.getHandlerMethods().entrySet()) {
            Set<String> methods = new TreeSet<>();
            for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                methods.add(method.name());
            }
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                byTemplate.computeIfAbsent(pattern, t -> new Endpoint(t, methods, pathParams(t)));
            }
        }
        return new Endpoints(List.copyOf(byTemplate.values()));
    }

    private static List<Param> pathParams(String template) {
        List<Param> params = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}:*]+)[^}]*}").matcher(template);
        while (m.find()) {
            params.add(new Param(m.group(1), "path", "string"));
        }
        return params;
    }
}
