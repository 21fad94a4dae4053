package dev.aurum.lakehouse;

/** The medallion layers, each a folder and a catalog database of the same name. */
public enum Layer
{
    BRONZE("bronze"),
    SILVER("silver"),
    GOLD("gold"),
    STATE("_aurum");

    private final String folder;

    Layer(String folder)
    {
        this.folder = folder;
    }

    public String folder()
    {
        return folder;
    }

    /** The catalog database the layer's tables are registered in ({@code state} tables live in {@code aurum}). */
    public String database()
    {
        return this == STATE ? "aurum" : folder;
    }
}
