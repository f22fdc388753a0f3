package io.steadystate.soak.trace;

/** Instances and shallow bytes (fields and array elements, no object headers) of one class in both dumps. */
public record GrowingClass(String className, long instancesStart, long instancesEnd, long bytesStart, long bytesEnd) {

    public long bytesGrowth() {
        return bytesEnd - bytesStart;
    }

    public long instancesGrowth() {
        return instancesEnd - instancesStart;
    }
}
