package org.leitwarte.incident.notify;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;

/** Reads the decoded text of a received mail's part of some type (test side: jakarta.mail from GreenMail). */
final class Mails {

  private Mails() {}

  static String part(Part part, String type) {
    try {
      if (part.isMimeType(type)) {
        return ((String) part.getContent()).replace("\r\n", "\n");
      }
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          String text = part(child, type);
          if (text != null) {
            return text;
          }
        }
      }
      return null;
    } catch (MessagingException | IOException e) {
      throw new AssertionError("cannot read the mail", e);
    }
  }
}
