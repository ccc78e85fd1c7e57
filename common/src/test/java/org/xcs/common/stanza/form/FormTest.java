package org.xcs.common.stanza.form;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xcs.common.error.XmppException;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormTest {
    static Element xml(String text) throws Exception {
        return DocumentHelper.parseText(text).getRootElement();
    }

    @Test
    void fieldChildrenAreWrittenInSchemaOrderDescRequiredValueOption() {
        Form form = Form.builder(FormType.FORM)
                .field(Field.builder("whois", FieldType.LIST_SINGLE).label("Who may see JIDs")
                        .option("Moderators", "moderators").option("Anyone", "anyone")
                        .value("moderators").required().description("Real JIDs").build())
                .build();

        assertEquals("<x xmlns=\"jabber:x:data\" type=\"form\">"
                + "<field var=\"whois\" type=\"list-single\" label=\"Who may see JIDs\">"
                + "<desc>Real JIDs</desc><required/><value>moderators</value>"
                + "<option label=\"Moderators\"><value>moderators</value></option>"
                + "<option label=\"Anyone\"><value>anyone</value></option>"
                + "</field></x>", form.toElement().asXML());
    }

    @Test
    void formTypeIsAHiddenFieldWrittenFirstEvenWhenSetLast() {
        Form form = Form.builder(FormType.RESULT)
                .field(Field.textSingle("muc#roominfo_description", "Chat"))
                .formType("http://jabber.org/protocol/muc#roominfo")
                .build();

        Element first = form.toElement().elements("field").get(0);
        assertEquals("FORM_TYPE", first.attributeValue("var"));
        assertEquals("hidden", first.attributeValue("type"));
        assertEquals("http://jabber.org/protocol/muc#roominfo", first.elementText("value"));
        assertEquals("http://jabber.org/protocol/muc#roominfo", form.formType().orElseThrow());
    }

    @Test
    void everyFieldTypeIsWrittenWithItsXep0004WireName() {
        Form.Builder b = Form.builder(FormType.FORM);
        for (FieldType t : FieldType.values()) {
            b.field(Field.builder("f-" + t.name(), t).build());
        }
        List<String> written = b.build().toElement().elements("field").stream()
                .map(e -> e.attributeValue("type")).toList();
        assertEquals(List.of("boolean", "fixed", "hidden", "jid-multi", "jid-single", "list-multi", "list-single",
                "text-multi", "text-private", "text-single"), written);
    }

    @Test
    void booleanFieldValuesAreWrittenAsOneAndZero() {
        Form form = Form.builder(FormType.RESULT).field(Field.bool("on", true)).field(Field.bool("off", false)).build();
        Element x = form.toElement();
        assertEquals("1", x.elements("field").get(0).elementText("value"));
        assertEquals("0", x.elements("field").get(1).elementText("value"));
    }

    @Test
    void titleAndInstructionsPrecedeTheFields() {
        Element x = Form.builder(FormType.FORM).title("Configuration").instruction("Fill in").instruction("Submit")
                .field(Field.textSingle("a", "b")).build().toElement();
        List<String> names = x.elements().stream().map(Element::getName).toList();
        assertEquals(List.of("title", "instructions", "instructions", "field"), names);
        assertEquals("Configuration", x.elementText("title"));
    }

    @Test
    void aFormAddedToAMessageIsQualifiedByJabberXData() {
        Message m = new Message();
        m.addExtension(Form.builder(FormType.FORM).field(Field.textSingle("a", "b")).build().toDataForm());
        assertTrue(m.toXML().contains("<x xmlns=\"jabber:x:data\" type=\"form\">"), m.toXML());
    }

    @Test
    void cancelFormsAreWrittenAndRead() throws Exception {
        assertEquals("<x xmlns=\"jabber:x:data\" type=\"cancel\"/>",
                Form.builder(FormType.CANCEL).build().toElement().asXML());
        assertEquals(FormType.CANCEL, Form.parse(xml("<x xmlns='jabber:x:data' type='cancel'/>")).type());
    }

    @Test
    void aFieldTypeTheReaderDoesNotKnowIsTreatedAsTextSingle() throws Exception {
        Form form = Form.parse(xml("<x xmlns='jabber:x:data' type='form'>"
                + "<field var='color' type='x-rgb'><value>red</value></field></x>"));
        assertEquals(FieldType.TEXT_SINGLE, form.field("color").orElseThrow().type().orElseThrow());
    }

    @Test
    void parseReadsLabelsDescriptionsRequiredValuesAndOptions() throws Exception {
        Form form = Form.parse(xml("<x xmlns='jabber:x:data' type='form'><title>T</title>"
                + "<field var='l' type='list-multi' label='L'><desc>D</desc><required/>"
                + "<value>a</value><value>b</value>"
                + "<option label='A'><value>a</value></option><option><value>b</value></option></field></x>"));
        Field l = form.field("l").orElseThrow();
        assertEquals("L", l.label().orElseThrow());
        assertEquals("D", l.description().orElseThrow());
        assertTrue(l.required());
        assertEquals(List.of("a", "b"), l.values());
        assertEquals(List.of(new Field.Option("A", "a"), new Field.Option(null, "b")), l.options());
        assertEquals("T", form.title().orElseThrow());
    }

    @Test
    void aFormTypeOutsideTheFourDefinedOnesIsABadRequest() {
        XmppException e = assertThrows(XmppException.class,
                () -> Form.parse(xml("<x xmlns='jabber:x:data' type='bogus'/>")));
        assertEquals(PacketError.Condition.bad_request, e.condition());
    }

    @Test
    void aNonFixedFieldWithoutVarIsABadRequest() {
        XmppException e = assertThrows(XmppException.class,
                () -> Form.parse(xml("<x xmlns='jabber:x:data' type='submit'><field><value>1</value></field></x>")));
        assertEquals(PacketError.Condition.bad_request, e.condition());
    }

    @Test
    void aFormTypeFieldThatIsNotHiddenIsNoContextIndicatorInAResultForm() throws Exception {
        Form form = Form.parse(xml("<x xmlns='jabber:x:data' type='result'>"
                + "<field var='FORM_TYPE' type='text-single'><value>urn:x</value></field></x>"));
        assertTrue(form.formType().isEmpty());
    }

    @Test
    void mergingReplacesFieldsWithTheSameVarInPlaceAndAppendsNewOnes() {
        Form a = Form.builder(FormType.RESULT).formType("urn:t")
                .field(Field.textSingle("one", "1")).field(Field.textSingle("two", "2")).build();
        Form b = Form.builder(FormType.RESULT).formType("urn:t")
                .field(Field.textSingle("one", "uno")).field(Field.textSingle("three", "3")).build();
        Form merged = a.mergedWith(b);
        assertEquals(List.of("FORM_TYPE", "one", "two", "three"), merged.fields().stream().map(Field::var).toList());
        assertEquals("uno", merged.field("one").orElseThrow().firstValue().orElseThrow());
    }

    @Test
    void twoFieldsWithTheSameVarAreAWiringError() {
        Form.Builder b = Form.builder(FormType.FORM).field(Field.textSingle("a", "1"));
        assertThrows(IllegalArgumentException.class, () -> b.field(Field.textSingle("a", "2")));
    }

    @Test
    void optionsAreOnlyForListFields() {
        assertThrows(IllegalArgumentException.class,
                () -> Field.builder("t", FieldType.TEXT_SINGLE).option("x"));
    }
}
