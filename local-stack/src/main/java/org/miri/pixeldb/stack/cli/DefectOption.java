package org.miri.pixeldb.stack.cli;

import org.miri.pixeldb.stack.synth.Defect;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --defect KIND:ROW:COL[:FIRST-LAST]}: a malformed one is refused with what a defect looks like. */
final class DefectOption implements ITypeConverter<Defect> {

    @Override
    public Defect convert(String value) {
        try {
            return Defect.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
