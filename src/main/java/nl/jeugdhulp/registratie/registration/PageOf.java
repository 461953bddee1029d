package nl.jeugdhulp.registratie.registration;

import java.util.List;

/** One page of a list; {@code page} counts from 0. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }
}
