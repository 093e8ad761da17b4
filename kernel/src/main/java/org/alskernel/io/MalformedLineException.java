package org.alskernel.io;

import java.io.IOException;

/**
 * A line of an interaction file that cannot be read. The message has the form
 *
 * <pre>{@code <source>:<line>: <problem>: "<line text>"}</pre>
 *
 * with the 1-based line number and the line's text (without its line ending, cut at 200 characters),
 * control and invisible characters written as escapes ({@link ControlCharacters#escape}).
 */
public final class MalformedLineException extends IOException {
  private static final long serialVersionUID = 1L;
  static final int MAX_TEXT = 200;

  private final String source;
  private final long lineNumber;
  private final String lineText;
  private final String problem;

  public MalformedLineException(String source, long lineNumber, String lineText, String problem) {
    super(ControlCharacters.escape(
        source + ":" + lineNumber + ": " + problem + ": \"" + shorten(lineText) + "\""));
    this.source = source;
    this.lineNumber = lineNumber;
    this.lineText = lineText;
    this.problem = problem;
  }

  private static String shorten(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
  }

  /** The file name or the source name given to the reader. */
  public String source() {
    return source;
  }

  /** 1-based line number. */
  public long lineNumber() {
    return lineNumber;
  }

  /** The line's text, without its line ending. */
  public String lineText() {
    return lineText;
  }

  /** What is wrong with the line, without source, line number or text. */
  public String problem() {
    return problem;
  }
}
