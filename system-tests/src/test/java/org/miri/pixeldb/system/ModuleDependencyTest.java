package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The module dependency rules of docs/architecture.md, held against every pom.xml: each internal dependency must be
 * one the table allows for its scope, no module's main code may use a service, and the table lists every module.
 */
class ModuleDependencyTest {

    private static final String GROUP = "org.miri.pixeldb";
    private static final Pattern NAME = Pattern.compile("`([a-z-]+)`");

    @Test
    void everyInternalDependencyIsOneTheArchitectureAllows() throws Exception {
        Map<String, Rule> rules = rules();
        List<String> modules = modules();
        assertEquals(new TreeSet<>(modules), rules.keySet(), "docs/architecture.md, Module dependencies, lists other modules");
        List<String> broken = new ArrayList<>();
        for (String module : modules) {
            Rule rule = rules.get(module);
            for (Dependency dependency : dependencies(module)) {
                boolean test = dependency.scope().equals("test");
                Set<String> allowed = test ? rule.testsMayUse() : rule.mainMayUse();
                if (!allowed.contains(dependency.artifact())) {
                    broken.add(module + " -> " + dependency.artifact() + (test ? " (test)" : ""));
                }
                if (!test && isService(dependency.artifact())) {
                    broken.add(module + " -> " + dependency.artifact() + ": main code may not use a service");
                }
            }
        }
        assertTrue(broken.isEmpty(), "dependencies docs/architecture.md does not allow: " + broken);
    }

    @Test
    void theTableCallsEveryServiceAService() throws Exception {
        for (Map.Entry<String, Rule> entry : rules().entrySet()) {
            assertEquals(isService(entry.getKey()), entry.getValue().kind().equals("service"), entry.getKey());
        }
    }

    private record Rule(String kind, Set<String> mainMayUse, Set<String> testsMayUse) {
    }

    private record Dependency(String artifact, String scope) {
    }

    private static Map<String, Rule> rules() throws Exception {
        String doc = Files.readString(ComposeFile.home().resolve("docs/architecture.md"));
        String section = doc.substring(doc.indexOf("## Module dependencies"));
        Map<String, Rule> rules = new TreeMap<>();
        for (String line : section.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 5 || !cells[1].contains("`")) {
                continue;
            }
            Set<String> main = names(cells[3]);
            Set<String> tests = new TreeSet<>(main);
            tests.addAll(names(cells[4]));
            rules.put(names(cells[1]).iterator().next(), new Rule(cells[2].strip(), main, tests));
        }
        return rules;
    }

    private static Set<String> names(String cell) {
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(cell);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static List<String> modules() throws Exception {
        List<String> modules = new ArrayList<>();
        Element root = pom(ComposeFile.home().resolve("pom.xml"));
        for (Element element : children(child(root, "modules"), "module")) {
            modules.add(element.getTextContent().strip());
        }
        return modules;
    }

    /** Direct dependencies of the module on the project's own artifacts (not the dependencyManagement section). */
    private static List<Dependency> dependencies(String module) throws Exception {
        Element root = pom(ComposeFile.home().resolve(module).resolve("pom.xml"));
        String ownGroup = text(child(root, "groupId"), GROUP);
        List<Dependency> internal = new ArrayList<>();
        for (Element dependency : children(child(root, "dependencies"), "dependency")) {
            String group = text(child(dependency, "groupId"), "").replace("${project.groupId}", ownGroup);
            if (group.equals(GROUP)) {
                internal.add(new Dependency(text(child(dependency, "artifactId"), ""),
                        text(child(dependency, "scope"), "compile")));
            }
        }
        return internal;
    }

    private static boolean isService(String module) {
        return Files.exists(ComposeFile.home().resolve(module).resolve("src/main/resources/application.properties"));
    }

    private static Element pom(Path file) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        return document.getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        return parent == null ? null : children(parent, name).stream().findFirst().orElse(null);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent != null) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && element.getTagName().equals(name)) {
                    found.add(element);
                }
            }
        }
        return found;
    }

    private static String text(Element element, String absent) {
        return element == null ? absent : element.getTextContent().strip();
    }
}
