package dev.lrlab.core.schedule;

import java.util.List;

/**
 * PyTorch SequentialLR: schedule i runs from milestone i−1 (0 for the first) and restarts at its
 * own step 0 there. momentum comes from the active child; {@link #restartsAt} is true at every
 * milestone and wherever the active child restarts.
 */
public record SequentialSchedule(List<Schedule> schedules, int[] milestones) implements Schedule {
    public SequentialSchedule {
        schedules = List.copyOf(schedules);
        milestones = milestones.clone();
        if (milestones.length != schedules.size() - 1) {
            throw new IllegalArgumentException("need one milestone fewer than schedules");
        }
    }

    private int index(int t) {
        int i = 0;
        while (i < milestones.length && milestones[i] <= t) {
            i++;
        }
        return i;
    }

    private int local(int t, int i) {
        return i == 0 ? t : t - milestones[i - 1];
    }

    @Override
    public double lr(int t) {
        int i = index(t);
        return schedules.get(i).lr(local(t, i));
    }

    @Override
    public double momentum(int t) {
        int i = index(t);
        return schedules.get(i).momentum(local(t, i));
    }

    @Override
    public boolean restartsAt(int t) {
        int i = index(t);
        int lt = local(t, i);
        return (i > 0 && lt == 0) || schedules.get(i).restartsAt(lt);
    }
}
