# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QListWidget, QPushButton, QTextBrowser, QVBoxLayout, QWidget

class Ui_SessionPage(object):
    def setupUi(self, SessionPage):
        if not SessionPage.objectName():
            SessionPage.setObjectName(u"SessionPage")
        SessionPage.resize(820, 640)
        self.pageLayout = QVBoxLayout(SessionPage)
        self.pageLayout.setSpacing(12)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(28, 22, 28, 22)
        self.headingLabel = QLabel(SessionPage)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setProperty(u"role", u"heading")

        self.pageLayout.addWidget(self.headingLabel)

        self.introLabel = QLabel(SessionPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setProperty(u"role", u"hint")

        self.pageLayout.addWidget(self.introLabel)

        self.emptyLabel = QLabel(SessionPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setProperty(u"role", u"empty")

        self.pageLayout.addWidget(self.emptyLabel)

        self.browserLayout = QHBoxLayout()
        self.browserLayout.setSpacing(18)
        self.browserLayout.setObjectName(u"browserLayout")
        self.listColumnLayout = QVBoxLayout()
        self.listColumnLayout.setSpacing(6)
        self.listColumnLayout.setObjectName(u"listColumnLayout")
        self.planListLabel = QLabel(SessionPage)
        self.planListLabel.setObjectName(u"planListLabel")
        self.planListLabel.setProperty(u"role", u"sectionTitle")

        self.listColumnLayout.addWidget(self.planListLabel)

        self.planList = QListWidget(SessionPage)
        self.planList.setObjectName(u"planList")
        self.planList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.planList.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.planList.setResizeMode(QListView.ResizeMode.Adjust)
        self.planList.setWordWrap(True)
        self.planList.setProperty(u"role", u"planList")

        self.listColumnLayout.addWidget(self.planList)


        self.browserLayout.addLayout(self.listColumnLayout)

        self.detailsColumnLayout = QVBoxLayout()
        self.detailsColumnLayout.setSpacing(6)
        self.detailsColumnLayout.setObjectName(u"detailsColumnLayout")
        self.detailsLabel = QLabel(SessionPage)
        self.detailsLabel.setObjectName(u"detailsLabel")
        self.detailsLabel.setProperty(u"role", u"sectionTitle")

        self.detailsColumnLayout.addWidget(self.detailsLabel)

        self.detailsBrowser = QTextBrowser(SessionPage)
        self.detailsBrowser.setObjectName(u"detailsBrowser")
        self.detailsBrowser.setOpenLinks(False)

        self.detailsColumnLayout.addWidget(self.detailsBrowser)

        self.startButton = QPushButton(SessionPage)
        self.startButton.setObjectName(u"startButton")
        self.startButton.setProperty(u"role", u"primary")

        self.detailsColumnLayout.addWidget(self.startButton)


        self.browserLayout.addLayout(self.detailsColumnLayout)

        self.browserLayout.setStretch(0, 2)
        self.browserLayout.setStretch(1, 3)

        self.pageLayout.addLayout(self.browserLayout)

#if QT_CONFIG(shortcut)
        self.planListLabel.setBuddy(self.planList)
        self.detailsLabel.setBuddy(self.detailsBrowser)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.planList, self.detailsBrowser)
        QWidget.setTabOrder(self.detailsBrowser, self.startButton)

        self.retranslateUi(SessionPage)

        QMetaObject.connectSlotsByName(SessionPage)
    # setupUi

    def retranslateUi(self, SessionPage):
#if QT_CONFIG(accessibility)
        SessionPage.setAccessibleName(QCoreApplication.translate("SessionPage", u"Session", None))
#endif // QT_CONFIG(accessibility)
        self.headingLabel.setText(QCoreApplication.translate("SessionPage", u"Exercise plans", None))
        self.introLabel.setText(QCoreApplication.translate("SessionPage", u"Choose a plan to read what it involves. You can follow it at your own pace, and stop whenever something hurts.", None))
        self.emptyLabel.setText(QCoreApplication.translate("SessionPage", u"No exercise plans were found. Plans that come with the app, or that your physiotherapist sends you, will appear here.", None))
        self.planListLabel.setText(QCoreApplication.translate("SessionPage", u"&Choose a plan", None))
#if QT_CONFIG(accessibility)
        self.planList.setAccessibleName(QCoreApplication.translate("SessionPage", u"Exercise plans", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.planList.setAccessibleDescription(QCoreApplication.translate("SessionPage", u"Each plan shows its name, about how long it takes, and where it comes from.", None))
#endif // QT_CONFIG(accessibility)
        self.detailsLabel.setText(QCoreApplication.translate("SessionPage", u"Plan &details", None))
#if QT_CONFIG(accessibility)
        self.detailsBrowser.setAccessibleName(QCoreApplication.translate("SessionPage", u"Details of the chosen plan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.startButton.setToolTip(QCoreApplication.translate("SessionPage", u"Start a guided session of this plan (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.startButton.setAccessibleName(QCoreApplication.translate("SessionPage", u"Start this plan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.startButton.setAccessibleDescription(QCoreApplication.translate("SessionPage", u"Starts a guided session with timers, spoken cues and a pain check before and after.", None))
#endif // QT_CONFIG(accessibility)
        self.startButton.setText(QCoreApplication.translate("SessionPage", u"Sta&rt this plan", None))
    # retranslateUi

