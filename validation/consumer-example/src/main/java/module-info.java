/** A consumer of als-kernel on the module path: it sees only the packages the kernel exports. */
module com.example.recs {
  requires org.alskernel;

  exports com.example.recs;
}
