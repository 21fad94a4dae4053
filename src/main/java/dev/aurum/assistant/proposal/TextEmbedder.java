package dev.aurum.assistant.proposal;

/** Turns a short text into a vector whose cosine similarity to another text's vector measures closeness. */
@FunctionalInterface
public interface TextEmbedder
{
    float[] embed(String text);

    static double cosine(float[] left, float[] right)
    {
        if (left.length != right.length) {
            throw new IllegalArgumentException("vectors differ in length: " + left.length + " and " + right.length);
        }
        double dot = 0;
        double leftNorm = 0;
        double rightNorm = 0;
        for (int i = 0; i < left.length; i++) {
            dot += left[i] * right[i];
            leftNorm += left[i] * left[i];
            rightNorm += right[i] * right[i];
        }
        if (leftNorm == 0 || rightNorm == 0) {
            return 0;
        }
        return dot / Math.sqrt(leftNorm * rightNorm);
    }
}
