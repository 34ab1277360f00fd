package org.gdcert.core.spi;

/** Produces the inputs X (N × d), and targets when the source carries them (csv, npy, idx labels). */
public interface DataSource {

    /** Loads or generates the data. Bad files raise {@link DataException} naming the file. */
    Dataset load(DataContext context);
}
