package vn.motcua.process;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes each procedure's BPMN model from the one-stop template
 * ({@value #TEMPLATE}): every procedure follows the same Decree 61/2018/ND-CP path, so the
 * path is drawn once and a procedure only names its process and the steps it adds. The
 * workflow engine relies on that sameness: one set of task ids, messages and variables
 * drives every procedure.
 *
 * <p>The generated files are checked in under {@value #OUTPUT}, so what is deployed can be
 * read and reviewed as it is; {@code OneStopModelsTest} fails when they differ from what this
 * class writes, and rewrites them when run with {@code -Dbpmn.regenerate=true}.
 */
final class OneStopModels {

    /** The one-stop path, a BPMN file that opens in Camunda Modeler; relative to the module. */
    static final String TEMPLATE = "src/main/bpmn-template/one-stop.bpmn";
    /** Where the generated models go; relative to the module. */
    static final String OUTPUT = "src/main/resources/bpmn";

    /** Inspecting the establishment before the decision (Circular 02/2018/TT-BYT, Good Pharmacy Practice). */
    static final Step ON_SITE_INSPECTION = new Step("onSiteInspection", "Thẩm định thực tế tại cơ sở",
            "SPECIALIST@${unitId}", "flow_inspected", "on-site inspection");

    /**
     * Every shipped procedure model: its file, the process key the catalogue names, and the
     * steps it adds before the unit head's check and the leader's approval. Name and code come from the catalogue.
     */
    static final List<Model> MODELS = List.of(
            new Model("cosmetic-notification", "procedure_1_002600"),
            new Model("medical-practice-licence", "procedure_BYT_KCB_01"),
            new Model("pharmacy-practice-certificate", "procedure_BYT_DUOC_01"),
            new Model("pharmacy-practice-certificate-reissue", "procedure_BYT_DUOC_02"),
            new Model("gpp-assessment", "procedure_BYT_DUOC_03", ON_SITE_INSPECTION),
            new Model("pharmaceutical-business-certificate-reissue", "procedure_BYT_DUOC_04"));

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    private static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final String TEMPLATE_KEY = "one_stop";
    /**
     * The task an added step comes before: every step added so far precedes the unit head's check of the draft result
     * (and so the leader's decision), which must see the step's findings.
     */
    private static final String ADDED_BEFORE = "resultReview";
    /** Steps of a procedure's own are inserted after this phrase of the template's documentation. */
    private static final String STEPS_GO_AFTER = "parallel consultation of other units";

    /**
     * A user task a procedure adds on the processing line, just before the unit head's check.
     *
     * @param leavingFlow id of the sequence flow from the step onwards
     * @param summary     words for the step in the process documentation
     */
    record Step(String id, String name, String candidateGroups, String leavingFlow, String summary) {
    }

    /** One procedure's model: written to {@code <file>.bpmn}, deployed under {@code processKey}. */
    record Model(String file, String processKey, List<Step> steps) {

        Model(String file, String processKey, Step... steps) {
            this(file, processKey, List.of(steps));
        }

        Path path(Path module) {
            return module.resolve(OUTPUT).resolve(file + ".bpmn");
        }
    }

    private OneStopModels() {
    }

    /** The model's XML as it is to be checked in. */
    static String generate(Path module, Model model, ProcedureCatalogue catalogue) {
        Procedure procedure = catalogue.all().stream().filter(p -> p.processKey().equals(model.processKey()))
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "no procedure in the catalogue runs process " + model.processKey()));
        Document document = read(module.resolve(TEMPLATE));
        name(document, model.processKey(), procedure, model.steps());
        for (Step step : model.steps()) {
            insertBeforeApproval(document, step);
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- Generated by OneStopModels (process-definitions/src/test/java) from " + TEMPLATE
                + ": change those and regenerate, never this file. -->\n"
                + write(document.getDocumentElement()) + "\n";
    }

    /** Writes every model into the module's {@value #OUTPUT} directory. */
    static void writeAll(Path module) {
        ProcedureCatalogue catalogue = new ProcedureCatalogue();
        for (Model model : MODELS) {
            try {
                Files.writeString(model.path(module), generate(module, model, catalogue));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Gives the template's process the procedure's key, name and documentation. */
    private static void name(Document document, String key, Procedure procedure, List<Step> steps) {
        Element process = byId(document, TEMPLATE_KEY);
        process.setAttribute("id", key);
        process.setAttribute("name", procedure.name());
        Element documentation = firstChild(process, BPMN, "documentation");
        String text = documentation.getTextContent();
        StringBuilder added = new StringBuilder();
        steps.forEach(step -> added.append(", ").append(step.summary()));
        if (!steps.isEmpty() && !text.contains(STEPS_GO_AFTER)) {
            throw new IllegalStateException("the template's documentation no longer says '" + STEPS_GO_AFTER + "'");
        }
        documentation.setTextContent("Thủ tục " + procedure.code() + ". "
                + text.replace(STEPS_GO_AFTER, STEPS_GO_AFTER + added));
        byId(document, "definitions_" + TEMPLATE_KEY).setAttribute("id", "definitions_" + key);
        byId(document, "diagram_" + TEMPLATE_KEY).setAttribute("id", "diagram_" + key);
        Element plane = byId(document, "plane_" + TEMPLATE_KEY);
        plane.setAttribute("id", "plane_" + key);
        plane.setAttribute("bpmnElement", key);
    }

    /**
     * Puts {@code step} on the processing line just before the approval: the flow that reached
     * the approval now reaches the step, and a new flow leads on from it. In the diagram the step
     * takes the approval's place and whatever stood to its right on that line moves one step
     * further, the processing sub-process growing to hold it.
     */
    private static void insertBeforeApproval(Document document, Step step) {
        Element approval = byId(document, ADDED_BEFORE);
        Element container = (Element) approval.getParentNode();
        Element reaching = single(flows(container, "targetRef", ADDED_BEFORE), "flow into " + ADDED_BEFORE);
        Element leaving = single(flows(container, "sourceRef", ADDED_BEFORE), "flow out of " + ADDED_BEFORE);
        String reachingId = reaching.getAttribute("id");

        Element task = element(document, BPMN, "userTask");
        task.setAttribute("id", step.id());
        task.setAttribute("name", step.name());
        task.setAttributeNS(CAMUNDA, prefix(document, CAMUNDA) + ":candidateGroups", step.candidateGroups());
        appendIndented(task, approval, element(document, BPMN, "incoming"), reachingId);
        appendIndented(task, approval, element(document, BPMN, "outgoing"), step.leavingFlow());
        insertBefore(task, approval);
        reaching.setAttribute("targetRef", step.id());
        for (Element incoming : children(approval, BPMN, "incoming")) {
            if (incoming.getTextContent().equals(reachingId)) {
                incoming.setTextContent(step.leavingFlow());
            }
        }
        Element flow = element(document, BPMN, "sequenceFlow");
        flow.setAttribute("id", step.leavingFlow());
        flow.setAttribute("sourceRef", step.id());
        flow.setAttribute("targetRef", ADDED_BEFORE);
        insertBefore(flow, leaving);

        Element approvalShape = diagramElement(document, "BPMNShape", ADDED_BEFORE);
        Element bounds = firstChild(approvalShape, DC, "Bounds");
        int x = number(bounds, "x");
        int width = number(bounds, "width");
        int row = number(bounds, "y") + number(bounds, "height") / 2;
        int shift = width + 40;
        for (Element shapeBounds : elements(document, DC, "Bounds")) {
            if (number(shapeBounds, "x") >= x
                    && number(shapeBounds, "y") + number(shapeBounds, "height") / 2 == row) {
                shapeBounds.setAttribute("x", String.valueOf(number(shapeBounds, "x") + shift));
            }
        }
        for (Element waypoint : elements(document, DI, "waypoint")) {
            if (number(waypoint, "x") > x && number(waypoint, "y") == row) {
                waypoint.setAttribute("x", String.valueOf(number(waypoint, "x") + shift));
            }
        }
        Element containerBounds = firstChild(
                diagramElement(document, "BPMNShape", container.getAttribute("id")), DC, "Bounds");
        containerBounds.setAttribute("width", String.valueOf(number(containerBounds, "width") + shift));

        Element shape = (Element) approvalShape.cloneNode(true);
        shape.setAttribute("id", step.id() + "_di");
        shape.setAttribute("bpmnElement", step.id());
        firstChild(shape, DC, "Bounds").setAttribute("x", String.valueOf(x));
        insertBefore(shape, approvalShape);
        Element leavingEdge = diagramElement(document, "BPMNEdge", leaving.getAttribute("id"));
        Element edge = (Element) leavingEdge.cloneNode(true);
        edge.setAttribute("id", step.leavingFlow() + "_di");
        edge.setAttribute("bpmnElement", step.leavingFlow());
        List<Element> points = children(edge, DI, "waypoint");
        points.getFirst().setAttribute("x", String.valueOf(x + width));
        points.getLast().setAttribute("x", String.valueOf(x + shift));
        insertBefore(edge, leavingEdge);
    }

    // ----- DOM helpers -----------------------------------------------------------------------

    private static Document read(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static String write(Node node) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element byId(Document document, String id) {
        return elements(document, "*", "*").stream().filter(e -> id.equals(e.getAttribute("id"))).findFirst()
                .orElseThrow(() -> new IllegalStateException(TEMPLATE + " has no element " + id));
    }

    private static Element diagramElement(Document document, String kind, String bpmnElement) {
        return single(elements(document, BPMNDI, kind).stream()
                .filter(e -> bpmnElement.equals(e.getAttribute("bpmnElement"))).toList(), kind + " of " + bpmnElement);
    }

    private static List<Element> flows(Element container, String end, String id) {
        return children(container, BPMN, "sequenceFlow").stream().filter(f -> id.equals(f.getAttribute(end))).toList();
    }

    private static List<Element> elements(Document document, String namespace, String localName) {
        return list(document.getElementsByTagNameNS(namespace, localName));
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element firstChild(Element parent, String namespace, String localName) {
        return children(parent, namespace, localName).stream().findFirst().orElseThrow(() ->
                new IllegalStateException(parent.getAttribute("id") + " has no " + localName));
    }

    private static List<Element> list(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static Element single(List<Element> candidates, String what) {
        if (candidates.size() != 1) {
            throw new IllegalStateException(TEMPLATE + " must have exactly one " + what + ", has " + candidates.size());
        }
        return candidates.getFirst();
    }

    /** A new element with the namespace prefix the template uses, e.g. {@code bpmn:userTask}. */
    private static Element element(Document document, String namespace, String localName) {
        return document.createElementNS(namespace, prefix(document, namespace) + ":" + localName);
    }

    private static String prefix(Document document, String namespace) {
        String prefix = document.getDocumentElement().lookupPrefix(namespace);
        if (prefix == null) {
            throw new IllegalStateException(TEMPLATE + " declares no prefix for " + namespace);
        }
        return prefix;
    }

    private static int number(Element element, String attribute) {
        return (int) Math.round(Double.parseDouble(element.getAttribute(attribute)));
    }

    /** Inserts {@code node} before {@code sibling}, on a line of its own at the sibling's indentation. */
    private static void insertBefore(Element node, Element sibling) {
        String indentation = indentation(sibling);
        sibling.getParentNode().insertBefore(node, sibling);
        sibling.getParentNode().insertBefore(node.getOwnerDocument().createTextNode(indentation), sibling);
    }

    /** Appends {@code child} with {@code text} to {@code parent}, indented one level below {@code like}. */
    private static void appendIndented(Element parent, Element like, Element child, String text) {
        String inner = indentation(like) + "  ";
        child.setTextContent(text);
        Node last = parent.getLastChild();
        if (last != null && last.getNodeType() == Node.TEXT_NODE) {
            parent.removeChild(last);
        }
        parent.appendChild(parent.getOwnerDocument().createTextNode(inner));
        parent.appendChild(child);
        parent.appendChild(parent.getOwnerDocument().createTextNode(indentation(like)));
    }

    private static String indentation(Element element) {
        Node before = element.getPreviousSibling();
        return before != null && before.getNodeType() == Node.TEXT_NODE && before.getTextContent().isBlank()
                ? before.getTextContent() : "\n";
    }
}
