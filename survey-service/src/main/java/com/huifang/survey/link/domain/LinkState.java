package com.huifang.survey.link.domain;

public enum LinkState {
    ISSUED,
    USED
}
