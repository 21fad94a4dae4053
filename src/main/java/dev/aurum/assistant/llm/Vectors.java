package dev.aurum.assistant.llm;

/** Cosine similarity of two embedding vectors (0 when either is all zeros or their lengths differ). */
final class Vectors
{
    private Vectors() {}

    static double cosine(float[] left, float[] right)
    {
        if (left.length != right.length) {
            return 0;
        }
        double dot = 0;
        double leftNorm = 0;
        double rightNorm = 0;
        for (int i = 0; i < left.length; i++) {
            dot += left[i] * right[i];
            leftNorm += left[i] * left[i];
            rightNorm += right[i] * right[i];
        }
        return leftNorm == 0 || rightNorm == 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
    }
}
