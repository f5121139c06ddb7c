package org.miri.pixeldb.stack.cli;

import java.util.Iterator;
import org.miri.pixeldb.model.Subarray;
import org.miri.pixeldb.stack.synth.SyntheticSubarrays;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --subarray} option: a MIRI subarray name or GENERIC, in any case ({@link SyntheticSubarrays}); also the
 * list picocli prints for ${COMPLETION-CANDIDATES}.
 */
final class SubarrayOption implements ITypeConverter<Subarray>, Iterable<String> {

    @Override
    public Subarray convert(String value) {
        try {
            return SyntheticSubarrays.named(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    @Override
    public Iterator<String> iterator() {
        return SyntheticSubarrays.names().iterator();
    }
}
