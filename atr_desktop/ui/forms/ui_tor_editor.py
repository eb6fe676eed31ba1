# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'tor_editor.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSpinBox, QTabWidget, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

from atr_desktop.ui.date_field import DateField

class Ui_TorEditor(object):
    def setupUi(self, TorEditor):
        if not TorEditor.objectName():
            TorEditor.setObjectName(u"TorEditor")
        TorEditor.resize(760, 640)
        self.verticalLayout = QVBoxLayout(TorEditor)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.headerLabel = QLabel(TorEditor)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.headerLabel)

        self.membershipFromMembersButton = QPushButton(TorEditor)
        self.membershipFromMembersButton.setObjectName(u"membershipFromMembersButton")

        self.verticalLayout.addWidget(self.membershipFromMembersButton)

        self.tabs = QTabWidget(TorEditor)
        self.tabs.setObjectName(u"tabs")
        self.sectionsTab = QWidget()
        self.sectionsTab.setObjectName(u"sectionsTab")
        self.sectionsLayout = QVBoxLayout(self.sectionsTab)
        self.sectionsLayout.setObjectName(u"sectionsLayout")
        self.sectionsScroll = QScrollArea(self.sectionsTab)
        self.sectionsScroll.setObjectName(u"sectionsScroll")
        self.sectionsScroll.setWidgetResizable(True)
        self.sectionsContents = QWidget()
        self.sectionsContents.setObjectName(u"sectionsContents")
        self.sectionsForm = QFormLayout(self.sectionsContents)
        self.sectionsForm.setObjectName(u"sectionsForm")
        self.purposeEditLabel = QLabel(self.sectionsContents)
        self.purposeEditLabel.setObjectName(u"purposeEditLabel")

        self.sectionsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.purposeEditLabel)

        self.purposeEdit = QPlainTextEdit(self.sectionsContents)
        self.purposeEdit.setObjectName(u"purposeEdit")
        self.purposeEdit.setTabChangesFocus(True)
        self.purposeEdit.setMinimumSize(QSize(0, 60))

        self.sectionsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.purposeEdit)

        self.scopeEditLabel = QLabel(self.sectionsContents)
        self.scopeEditLabel.setObjectName(u"scopeEditLabel")

        self.sectionsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.scopeEditLabel)

        self.scopeEdit = QPlainTextEdit(self.sectionsContents)
        self.scopeEdit.setObjectName(u"scopeEdit")
        self.scopeEdit.setTabChangesFocus(True)
        self.scopeEdit.setMinimumSize(QSize(0, 60))

        self.sectionsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.scopeEdit)

        self.membershipEditLabel = QLabel(self.sectionsContents)
        self.membershipEditLabel.setObjectName(u"membershipEditLabel")

        self.sectionsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.membershipEditLabel)

        self.membershipEdit = QPlainTextEdit(self.sectionsContents)
        self.membershipEdit.setObjectName(u"membershipEdit")
        self.membershipEdit.setTabChangesFocus(True)
        self.membershipEdit.setMinimumSize(QSize(0, 60))

        self.sectionsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.membershipEdit)

        self.chairEditLabel = QLabel(self.sectionsContents)
        self.chairEditLabel.setObjectName(u"chairEditLabel")

        self.sectionsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.chairEditLabel)

        self.chairEdit = QPlainTextEdit(self.sectionsContents)
        self.chairEdit.setObjectName(u"chairEdit")
        self.chairEdit.setTabChangesFocus(True)
        self.chairEdit.setMinimumSize(QSize(0, 60))

        self.sectionsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.chairEdit)

        self.frequencyEditLabel = QLabel(self.sectionsContents)
        self.frequencyEditLabel.setObjectName(u"frequencyEditLabel")

        self.sectionsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.frequencyEditLabel)

        self.frequencyEdit = QPlainTextEdit(self.sectionsContents)
        self.frequencyEdit.setObjectName(u"frequencyEdit")
        self.frequencyEdit.setTabChangesFocus(True)
        self.frequencyEdit.setMinimumSize(QSize(0, 60))

        self.sectionsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.frequencyEdit)

        self.decision_makingEditLabel = QLabel(self.sectionsContents)
        self.decision_makingEditLabel.setObjectName(u"decision_makingEditLabel")

        self.sectionsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.decision_makingEditLabel)

        self.decision_makingEdit = QPlainTextEdit(self.sectionsContents)
        self.decision_makingEdit.setObjectName(u"decision_makingEdit")
        self.decision_makingEdit.setTabChangesFocus(True)
        self.decision_makingEdit.setMinimumSize(QSize(0, 60))

        self.sectionsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.decision_makingEdit)

        self.reporting_lineEditLabel = QLabel(self.sectionsContents)
        self.reporting_lineEditLabel.setObjectName(u"reporting_lineEditLabel")

        self.sectionsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.reporting_lineEditLabel)

        self.reporting_lineEdit = QPlainTextEdit(self.sectionsContents)
        self.reporting_lineEdit.setObjectName(u"reporting_lineEdit")
        self.reporting_lineEdit.setTabChangesFocus(True)
        self.reporting_lineEdit.setMinimumSize(QSize(0, 60))

        self.sectionsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.reporting_lineEdit)

        self.declarationsEditLabel = QLabel(self.sectionsContents)
        self.declarationsEditLabel.setObjectName(u"declarationsEditLabel")

        self.sectionsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.declarationsEditLabel)

        self.declarationsEdit = QPlainTextEdit(self.sectionsContents)
        self.declarationsEdit.setObjectName(u"declarationsEdit")
        self.declarationsEdit.setTabChangesFocus(True)
        self.declarationsEdit.setMinimumSize(QSize(0, 60))

        self.sectionsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.declarationsEdit)

        self.sectionsScroll.setWidget(self.sectionsContents)

        self.sectionsLayout.addWidget(self.sectionsScroll)

        self.tabs.addTab(self.sectionsTab, "")
        self.quorumTab = QWidget()
        self.quorumTab.setObjectName(u"quorumTab")
        self.quorumLayout = QVBoxLayout(self.quorumTab)
        self.quorumLayout.setObjectName(u"quorumLayout")
        self.quorumForm = QFormLayout()
        self.quorumForm.setObjectName(u"quorumForm")
        self.countSpinLabel = QLabel(self.quorumTab)
        self.countSpinLabel.setObjectName(u"countSpinLabel")

        self.quorumForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.countSpinLabel)

        self.countSpin = QSpinBox(self.quorumTab)
        self.countSpin.setObjectName(u"countSpin")
        self.countSpin.setMaximum(200)

        self.quorumForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.countSpin)

        self.fractionComboLabel = QLabel(self.quorumTab)
        self.fractionComboLabel.setObjectName(u"fractionComboLabel")

        self.quorumForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fractionComboLabel)

        self.fractionCombo = QComboBox(self.quorumTab)
        self.fractionCombo.setObjectName(u"fractionCombo")
        self.fractionCombo.setEditable(True)

        self.quorumForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.fractionCombo)

        self.chairCheckLabel = QLabel(self.quorumTab)
        self.chairCheckLabel.setObjectName(u"chairCheckLabel")

        self.quorumForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.chairCheckLabel)

        self.chairCheck = QCheckBox(self.quorumTab)
        self.chairCheck.setObjectName(u"chairCheck")

        self.quorumForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.chairCheck)

        self.sectorsEditLabel = QLabel(self.quorumTab)
        self.sectorsEditLabel.setObjectName(u"sectorsEditLabel")

        self.quorumForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sectorsEditLabel)

        self.sectorsEdit = QLineEdit(self.quorumTab)
        self.sectorsEdit.setObjectName(u"sectorsEdit")

        self.quorumForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sectorsEdit)

        self.reviewCheckLabel = QLabel(self.quorumTab)
        self.reviewCheckLabel.setObjectName(u"reviewCheckLabel")

        self.quorumForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reviewCheckLabel)

        self.reviewCheck = QCheckBox(self.quorumTab)
        self.reviewCheck.setObjectName(u"reviewCheck")

        self.quorumForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reviewCheck)

        self.reviewDateLabel = QLabel(self.quorumTab)
        self.reviewDateLabel.setObjectName(u"reviewDateLabel")

        self.quorumForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.reviewDateLabel)

        self.reviewDate = DateField(self.quorumTab)
        self.reviewDate.setObjectName(u"reviewDate")

        self.quorumForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reviewDate)


        self.quorumLayout.addLayout(self.quorumForm)

        self.quorumPreview = QLabel(self.quorumTab)
        self.quorumPreview.setObjectName(u"quorumPreview")
        self.quorumPreview.setWordWrap(True)

        self.quorumLayout.addWidget(self.quorumPreview)

        self.quorumSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.quorumLayout.addItem(self.quorumSpacer)

        self.tabs.addTab(self.quorumTab, "")
        self.extrasTab = QWidget()
        self.extrasTab.setObjectName(u"extrasTab")
        self.extrasLayout = QVBoxLayout(self.extrasTab)
        self.extrasLayout.setObjectName(u"extrasLayout")
        self.extrasTable = QTableWidget(self.extrasTab)
        if (self.extrasTable.columnCount() < 2):
            self.extrasTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.extrasTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.extrasTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.extrasTable.setObjectName(u"extrasTable")
        self.extrasTable.setColumnCount(2)

        self.extrasLayout.addWidget(self.extrasTable)

        self.extrasButtons = QHBoxLayout()
        self.extrasButtons.setObjectName(u"extrasButtons")
        self.addExtraButton = QPushButton(self.extrasTab)
        self.addExtraButton.setObjectName(u"addExtraButton")

        self.extrasButtons.addWidget(self.addExtraButton)

        self.removeExtraButton = QPushButton(self.extrasTab)
        self.removeExtraButton.setObjectName(u"removeExtraButton")

        self.extrasButtons.addWidget(self.removeExtraButton)

        self.extrasSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.extrasButtons.addItem(self.extrasSpacer)


        self.extrasLayout.addLayout(self.extrasButtons)

        self.tabs.addTab(self.extrasTab, "")

        self.verticalLayout.addWidget(self.tabs)

        self.buttonBox = QDialogButtonBox(TorEditor)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.purposeEditLabel.setBuddy(self.purposeEdit)
        self.scopeEditLabel.setBuddy(self.scopeEdit)
        self.membershipEditLabel.setBuddy(self.membershipEdit)
        self.chairEditLabel.setBuddy(self.chairEdit)
        self.frequencyEditLabel.setBuddy(self.frequencyEdit)
        self.decision_makingEditLabel.setBuddy(self.decision_makingEdit)
        self.reporting_lineEditLabel.setBuddy(self.reporting_lineEdit)
        self.declarationsEditLabel.setBuddy(self.declarationsEdit)
        self.countSpinLabel.setBuddy(self.countSpin)
        self.fractionComboLabel.setBuddy(self.fractionCombo)
        self.chairCheckLabel.setBuddy(self.chairCheck)
        self.sectorsEditLabel.setBuddy(self.sectorsEdit)
        self.reviewCheckLabel.setBuddy(self.reviewCheck)
        self.reviewDateLabel.setBuddy(self.reviewDate)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TorEditor)

        QMetaObject.connectSlotsByName(TorEditor)
    # setupUi

    def retranslateUi(self, TorEditor):
        TorEditor.setWindowTitle(QCoreApplication.translate("TorEditor", u"Edit draft Terms of Reference", None))
        self.membershipFromMembersButton.setText(QCoreApplication.translate("TorEditor", u"Fill Mem&bership from the current members", None))
#if QT_CONFIG(accessibility)
        self.membershipFromMembersButton.setAccessibleName(QCoreApplication.translate("TorEditor", u"Fill the Membership section from the current members, by role and organisation", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.tabs.setAccessibleName(QCoreApplication.translate("TorEditor", u"Parts of the Terms of Reference", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sectionsTab.setAccessibleName(QCoreApplication.translate("TorEditor", u"Sections", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sectionsScroll.setAccessibleName(QCoreApplication.translate("TorEditor", u"Sections", None))
#endif // QT_CONFIG(accessibility)
        self.purposeEditLabel.setText(QCoreApplication.translate("TorEditor", u"&Purpose:", None))
#if QT_CONFIG(accessibility)
        self.purposeEdit.setAccessibleName(QCoreApplication.translate("TorEditor", u"Purpose", None))
#endif // QT_CONFIG(accessibility)
        self.scopeEditLabel.setText(QCoreApplication.translate("TorEditor", u"S&cope:", None))
#if QT_CONFIG(accessibility)
        self.scopeEdit.setAccessibleName(QCoreApplication.translate("TorEditor", u"Scope", None))
#endif // QT_CONFIG(accessibility)
        self.membershipEditLabel.setText(QCoreApplication.translate("TorEditor", u"&Membership:", None))
#if QT_CONFIG(accessibility)
        self.membershipEdit.setAccessibleName(QCoreApplication.translate("TorEditor", u"Membership", None))
#endif // QT_CONFIG(accessibility)
        self.chairEditLabel.setText(QCoreApplication.translate("TorEditor", u"C&hair and vice-chair:", None))
#if QT_CONFIG(accessibility)
        self.chairEdit.setAccessibleName(QCoreApplication.translate("TorEditor", u"Chair and vice-chair", None))
#endif // QT_CONFIG(accessibility)
        self.frequencyEditLabel.setText(QCoreApplication.translate("TorEditor", u"Meeting &frequency:", None))
#if QT_CONFIG(accessibility)
        self.frequencyEdit.setAccessibleName(QCoreApplication.translate("TorEditor", u"Meeting frequency", None))
#endif // QT_CONFIG(accessibility)
        self.decision_makingEditLabel.setText(QCoreApplication.translate("TorEditor", u"How &decisions are made:", None))
#if QT_CONFIG(accessibility)
        self.decision_makingEdit.setAccessibleName(QCoreApplication.translate("TorEditor", u"How decisions are made", None))
#endif // QT_CONFIG(accessibility)
        self.reporting_lineEditLabel.setText(QCoreApplication.translate("TorEditor", u"&Reporting line:", None))
#if QT_CONFIG(accessibility)
        self.reporting_lineEdit.setAccessibleName(QCoreApplication.translate("TorEditor", u"Reporting line", None))
#endif // QT_CONFIG(accessibility)
        self.declarationsEditLabel.setText(QCoreApplication.translate("TorEditor", u"Declarations of &interest:", None))
#if QT_CONFIG(accessibility)
        self.declarationsEdit.setAccessibleName(QCoreApplication.translate("TorEditor", u"Declarations of interest", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.sectionsTab), QCoreApplication.translate("TorEditor", u"Sections", None))
        self.countSpinLabel.setText(QCoreApplication.translate("TorEditor", u"At least this many &voting members:", None))
#if QT_CONFIG(accessibility)
        self.countSpin.setAccessibleName(QCoreApplication.translate("TorEditor", u"Quorum count", None))
#endif // QT_CONFIG(accessibility)
        self.countSpin.setSpecialValueText(QCoreApplication.translate("TorEditor", u"no set number", None))
        self.fractionComboLabel.setText(QCoreApplication.translate("TorEditor", u"Or this &fraction of voting members:", None))
#if QT_CONFIG(accessibility)
        self.fractionCombo.setAccessibleName(QCoreApplication.translate("TorEditor", u"Quorum fraction", None))
#endif // QT_CONFIG(accessibility)
        self.chairCheckLabel.setText("")
#if QT_CONFIG(accessibility)
        self.chairCheck.setAccessibleName(QCoreApplication.translate("TorEditor", u"Chair or vice-chair must be present", None))
#endif // QT_CONFIG(accessibility)
        self.chairCheck.setText(QCoreApplication.translate("TorEditor", u"C&hair or vice-chair must be present", None))
        self.sectorsEditLabel.setText(QCoreApplication.translate("TorEditor", u"&Sectors that must be present:", None))
#if QT_CONFIG(accessibility)
        self.sectorsEdit.setAccessibleName(QCoreApplication.translate("TorEditor", u"Sectors that must be present", None))
#endif // QT_CONFIG(accessibility)
        self.sectorsEdit.setPlaceholderText(QCoreApplication.translate("TorEditor", u"comma separated, e.g. NHS, Local authority", None))
        self.reviewCheckLabel.setText("")
#if QT_CONFIG(accessibility)
        self.reviewCheck.setAccessibleName(QCoreApplication.translate("TorEditor", u"Has a review date", None))
#endif // QT_CONFIG(accessibility)
        self.reviewCheck.setText(QCoreApplication.translate("TorEditor", u"Has a revie&w date", None))
        self.reviewDateLabel.setText(QCoreApplication.translate("TorEditor", u"Review &date:", None))
#if QT_CONFIG(accessibility)
        self.reviewDate.setAccessibleName(QCoreApplication.translate("TorEditor", u"Review date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.quorumPreview.setAccessibleName(QCoreApplication.translate("TorEditor", u"The quorum rule in words", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.quorumTab), QCoreApplication.translate("TorEditor", u"Quorum and review", None))
        ___qtablewidgetitem = self.extrasTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("TorEditor", u"Title", None))
        ___qtablewidgetitem1 = self.extrasTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("TorEditor", u"Text", None))
#if QT_CONFIG(accessibility)
        self.extrasTable.setAccessibleName(QCoreApplication.translate("TorEditor", u"Extra sections", None))
#endif // QT_CONFIG(accessibility)
        self.addExtraButton.setText(QCoreApplication.translate("TorEditor", u"&Add section", None))
#if QT_CONFIG(accessibility)
        self.addExtraButton.setAccessibleName(QCoreApplication.translate("TorEditor", u"Add an extra section", None))
#endif // QT_CONFIG(accessibility)
        self.removeExtraButton.setText(QCoreApplication.translate("TorEditor", u"Re&move section", None))
#if QT_CONFIG(accessibility)
        self.removeExtraButton.setAccessibleName(QCoreApplication.translate("TorEditor", u"Remove the selected extra section", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.extrasTab), QCoreApplication.translate("TorEditor", u"Extra sections", None))
    # retranslateUi

