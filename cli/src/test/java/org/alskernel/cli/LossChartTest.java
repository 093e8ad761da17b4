package org.alskernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class LossChartTest {

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void largeLossesShareOnePowerOfTenOnTheAxis() throws Exception {
    double[] loss = {4.46e5, 2.69e5, 2.2e5, 2.0e5, 1.92e5};
    Document d = parse(LossChart.svg("ml-100k <k = 64> & more", loss));
    assertEquals(5, d.getElementsByTagName("circle").getLength());
    String all = d.getDocumentElement().getTextContent();
    assertTrue(all.contains("loss (\u00d7 10^5)"), all);
    assertTrue(all.contains("ml-100k <k = 64> & more"), "title escaped and restored");
    NodeList texts = d.getElementsByTagName("text");
    boolean tickFound = false;
    for (int j = 0; j < texts.getLength(); j++) {
      if (texts.item(j).getTextContent().equals("4.5")) tickFound = true;
    }
    assertTrue(tickFound, "a y tick at 4.5 x 10^5: " + all);
  }

  @Test
  void oneIterationAndFlatAndNonFiniteLossesStillDrawAValidChart() throws Exception {
    parse(LossChart.svg("one", new double[] {123.0}));
    parse(LossChart.svg("flat", new double[] {5, 5, 5}));
    parse(LossChart.svg("zero", new double[] {0, 0}));
    Document d = parse(LossChart.svg("nan", new double[] {Double.NaN, 1.0, 0.5}));
    assertEquals(2, d.getElementsByTagName("circle").getLength());
  }

  @Test
  void niceSteps() {
    assertEquals(1, LossChart.niceStep(0.9), 1e-12);
    assertEquals(2, LossChart.niceStep(1.3), 1e-12);
    assertEquals(5, LossChart.niceStep(4.2), 1e-12);
    assertEquals(10, LossChart.niceStep(7), 1e-12);
    assertEquals(50_000, LossChart.niceStep(50_800 / 1.5), 1e-6);
  }
}
