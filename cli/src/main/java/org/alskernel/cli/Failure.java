package org.alskernel.cli;

/**
 * A problem the user can fix that is not about the arguments' syntax (an id the model does not know,
 * a split the data cannot make). Its message is printed as is, on one line, and the exit code is 1.
 */
final class Failure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Failure(String message) {
    super(message, null, false, false);
  }
}
