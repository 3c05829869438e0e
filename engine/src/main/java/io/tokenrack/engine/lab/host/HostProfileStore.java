package io.tokenrack.engine.lab.host;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tokenrack.engine.files.AtomicFile;
import io.tokenrack.engine.files.UserFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps the last {@link HostProfile} between runs as JSON, by default in
 * {@code ~/.tokenrack/host-profile.json}. Written to a temporary file and moved into place, so a
 * crash never leaves half a profile.
 */
public final class HostProfileStore {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(io.tokenrack.engine.catalog.StrictJson.constraints());
    }

    private final Path file;

    public HostProfileStore(Path file) {
        this.file = file;
    }

    /** The store in TokenRack's user folder ({@link UserFolder}: {@code ~/.tokenrack} unless overridden). */
    public static HostProfileStore inUserHome() {
        return new HostProfileStore(UserFolder.file("host-profile.json"));
    }

    public Path file() {
        return file;
    }

    public void save(HostProfile profile) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFile.write(file, MAPPER.writeValueAsBytes(profile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the host profile to " + file, e);
        }
    }

    /** The saved profile, or empty when none was saved; a corrupt file is an error naming it. */
    public Optional<HostProfile> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            byte[] json;
            try {
                json = io.tokenrack.engine.catalog.StrictJson.readBytes(file, file.toString());
                io.tokenrack.engine.catalog.StrictJson.requireUtf8(json, file.toString());
            } catch (io.tokenrack.engine.catalog.PresetException e) {
                throw new UncheckedIOException("cannot read the host profile " + file + ": " + e.reason(), new IOException(e));
            }
            return Optional.of(MAPPER.readValue(json, HostProfile.class));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new UncheckedIOException("cannot read the host profile " + file + where + ": " + reason(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the host profile " + file + ": " + e.getMessage(), e);
        }
    }

    /** What is wrong, in the profile's own field names rather than the JSON library's words. */
    static String reason(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException v && v.getCause() != null) {
            return v.getCause().getMessage();
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    field.append('[').append(r.getIndex()).append(']');
                }
            }
            String what = e.getOriginalMessage();
            if (what.startsWith("Cannot map `null`") || what.startsWith("Missing required")) {
                what = "missing or null";
            } else if (what.startsWith("Cannot deserialize value of type")) {
                what = "wrong type";
            }
            return field + ": " + what;
        }
        return e.getOriginalMessage();
    }
}
