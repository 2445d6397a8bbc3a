package dev.slimgate.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageInspectorTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "/bin/sh -c #(nop)  ENV FSLDIR=/opt/fsl; ENV FSLDIR=/opt/fsl",
      "/bin/sh -c apt-get update; RUN apt-get update",
      "|1 DEBIAN_FRONTEND=noninteractive /bin/sh -c apt-get install -y jq; RUN apt-get install -y jq",
      "|2 A=1 B= /bin/sh -c make; RUN make",
      "/bin/busybox --install -s /bin; /bin/busybox --install -s /bin"})
  void readsTheStepAsItsInstruction(String createdBy, String shown) {
    assertEquals(shown, ImageInspector.cleanCreatedBy(createdBy));
  }
}
