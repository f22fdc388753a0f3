package io.steadystate.core.archfixture.othersvc;

/** Fixture: stands for a class of another service. */
public class OtherServicesClass {}
