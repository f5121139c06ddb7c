package org.miri.pixeldb.exporter.parquet;

import java.io.StringWriter;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The VOParquet metadata of a file (IVOA VOParquet 1.0): a VOTable without data whose FIELDs describe the Parquet
 * columns in order, with units and UCDs, so that astropy and TOPCAT know what each column means. Built with the
 * JDK's DOM so that every name and description is escaped by the XML library, not by hand.
 */
public final class VoTable {

    public static final String VERSION_KEY = "IVOA.VOTable-Parquet.version";
    public static final String CONTENT_KEY = "IVOA.VOTable-Parquet.content";
    public static final String VERSION = "1.0";
    private static final String NAMESPACE = "http://www.ivoa.net/xml/VOTable/v1.3";

    private VoTable() {
    }

    public static String describe(String tableName, String description, List<ExportColumn> columns) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().newDocument();
            Element votable = document.createElementNS(NAMESPACE, "VOTABLE");
            votable.setAttribute("version", "1.4");
            document.appendChild(votable);
            Element resource = child(document, votable, "RESOURCE");
            resource.setAttribute("type", "results");
            Element table = child(document, resource, "TABLE");
            table.setAttribute("name", tableName);
            child(document, table, "DESCRIPTION").setTextContent(description);
            for (ExportColumn column : columns) {
                Element field = child(document, table, "FIELD");
                field.setAttribute("name", column.name());
                field.setAttribute("datatype", column.datatype());
                if (column.array() || column.datatype().equals("char")) {
                    field.setAttribute("arraysize", "*");
                }
                if (column.name().equals("date_obs")) {
                    field.setAttribute("xtype", "timestamp");
                }
                if (column.unit() != null) {
                    field.setAttribute("unit", column.unit());
                }
                field.setAttribute("ucd", column.ucd());
                child(document, field, "DESCRIPTION").setTextContent(column.description());
            }
            StringWriter out = new StringWriter();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML library cannot build a VOTable", e);
        }
    }

    private static Element child(Document document, Element parent, String name) {
        Element element = document.createElementNS(NAMESPACE, name);
        parent.appendChild(element);
        return element;
    }
}
