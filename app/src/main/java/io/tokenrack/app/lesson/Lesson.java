package io.tokenrack.app.lesson;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.workload.Workload;
import java.util.List;

/**
 * A guided lesson: the JSON file Help ▸ Lessons opens (see presets/lessons/). It opens a saved design
 * (with the lesson's workload, if it gives one) and walks through a few steps; each step may turn one
 * {@link Knob} on the live design, explains what the numbers now show and may ask a {@link Question}.
 *
 * @param formatVersion 1
 * @param title         the lesson's title
 * @param summary       one sentence: what the lesson teaches
 * @param design        the design file, relative to the lesson's folder
 * @param workload      the workload the lesson starts from; null for the design's own
 * @param steps         in order; at least one
 */
public record Lesson(
        @JsonProperty(required = true) int formatVersion,
        @JsonProperty(required = true) String title,
        String summary,
        @JsonProperty(required = true) String design,
        Workload workload,
        @JsonProperty(required = true) List<Step> steps) {

    public static final int CURRENT_VERSION = 1;

    public Lesson {
        if (formatVersion != CURRENT_VERSION) {
            throw new InputException("formatVersion: " + formatVersion + " is not supported (this version reads " + CURRENT_VERSION + ")");
        }
        nonBlank("title", title);
        nonBlank("design", design);
        summary = summary == null ? "" : summary;
        if (steps == null || steps.isEmpty()) {
            throw new InputException("steps: a lesson needs at least one step");
        }
        steps = List.copyOf(steps);
    }

    /**
     * One step.
     *
     * @param title    a few words
     * @param text     what to look at; {@code {name}} placeholders show the live numbers (see {@link LessonNumbers})
     * @param knob     the one change this step makes to the design or workload; null for none
     * @param question a check of understanding; null for none
     */
    public record Step(
            @JsonProperty(required = true) String title,
            @JsonProperty(required = true) String text,
            Knob knob,
            Question question) {
        public Step {
            nonBlank("title", title);
            nonBlank("text", text);
            String unknown = LessonNumbers.unknownPlaceholder(text);
            if (unknown != null) {
                throw new InputException("text: no number '{" + unknown + "}' (known: " + String.join(", ", LessonNumbers.NAMES) + ")");
            }
        }
    }

    /**
     * A multiple-choice question.
     *
     * @param prompt  the question
     * @param choices two or more answers, each with the feedback shown when it is picked
     * @param answer  the index (from 0) of the right choice
     */
    public record Question(
            @JsonProperty(required = true) String prompt,
            @JsonProperty(required = true) List<Choice> choices,
            @JsonProperty(required = true) int answer) {
        public Question {
            nonBlank("prompt", prompt);
            if (choices == null || choices.size() < 2) {
                throw new InputException("choices: a question needs at least two choices");
            }
            choices = List.copyOf(choices);
            if (answer < 0 || answer >= choices.size()) {
                throw new InputException("answer: " + answer + " is not the index of a choice (0 to " + (choices.size() - 1) + ")");
            }
        }

        public boolean isRight(int choice) {
            return choice == answer;
        }
    }

    /**
     * One answer to a question.
     *
     * @param text     the answer
     * @param feedback why it is right or wrong, shown once it is picked
     */
    public record Choice(@JsonProperty(required = true) String text, @JsonProperty(required = true) String feedback) {
        public Choice {
            nonBlank("text", text);
            nonBlank("feedback", feedback);
        }
    }

    static void nonBlank(String field, String v) {
        if (v == null || v.isBlank()) {
            throw new InputException(field + ": missing or empty");
        }
    }
}
